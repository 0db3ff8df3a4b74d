/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * ZGW JWT handling, in the order Open Zaak applies it: the token is read
 * unverified to find the client, the client's secret is looked up, then
 * the token is verified (HS256 only) and its time claims checked.  Every
 * failure is a 403 with the code Open Zaak uses for it.
 *
 * The signature is checked by libjwt, whose comparison is constant-time;
 * the secret never leaves the authorisation cache.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <jwt.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


#define NGX_OPENZAAK_JWT_INVALID  "JWT is niet valide"


static json_object *ngx_openzaak_jwt_part(ngx_pool_t *pool, u_char *p,
    size_t len);
static ngx_int_t ngx_openzaak_jwt_number(json_object *v, time_t *out);
static ngx_int_t ngx_openzaak_jwt_deny(ngx_openzaak_ctx_t *ctx,
    const char *code, const char *detail);


ngx_openzaak_jwt_rc_e
ngx_openzaak_jwt_parse(ngx_openzaak_ctx_t *ctx)
{
    u_char              *p, *dot1, *dot2, *end;
    ngx_str_t            value, id;
    json_object         *header, *payload, *v;
    ngx_http_request_t  *r;

    r = ctx->request;

    if (r->headers_in.authorization == NULL) {
        return NGX_OPENZAAK_JWT_NONE;
    }

    value = r->headers_in.authorization->value;

    /* the exact prefix, as Open Zaak reads it; anything else is no token */

    if (value.len <= sizeof("Bearer ") - 1
        || ngx_strncmp(value.data, "Bearer ", sizeof("Bearer ") - 1) != 0)
    {
        return NGX_OPENZAAK_JWT_NONE;
    }

    p = value.data + sizeof("Bearer ") - 1;
    end = value.data + value.len;

    while (end > p && end[-1] == ' ') {
        end--;
    }

    ctx->token.data = p;
    ctx->token.len = end - p;

    dot1 = ngx_strlchr(p, end, '.');
    dot2 = dot1 ? ngx_strlchr(dot1 + 1, end, '.') : NULL;

    if (dot1 == NULL || dot2 == NULL || ngx_strlchr(dot2 + 1, end, '.')) {
        return NGX_OPENZAAK_JWT_DECODE;
    }

    header = ngx_openzaak_jwt_part(r->pool, p, dot1 - p);
    payload = ngx_openzaak_jwt_part(r->pool, dot1 + 1, dot2 - dot1 - 1);

    if (header == NULL || payload == NULL) {
        return NGX_OPENZAAK_JWT_DECODE;
    }

    ctx->claims = payload;

    id.len = 0;

    if (json_object_object_get_ex(payload, "client_id", &v)
        && !json_object_is_type(v, json_type_null))
    {
        id.data = (u_char *) json_object_get_string(v);
        id.len = ngx_strlen(id.data);
    }

    /* older clients name themselves in the JOSE header */

    if (id.len == 0
        && json_object_object_get_ex(header, "client_identifier", &v)
        && json_object_is_type(v, json_type_string))
    {
        id.data = (u_char *) json_object_get_string(v);
        id.len = ngx_strlen(id.data);
    }

    if (id.len == 0) {
        return NGX_OPENZAAK_JWT_NO_CLIENT;
    }

    ctx->client_id.data = ngx_pnalloc(r->pool, id.len);
    if (ctx->client_id.data == NULL) {
        return NGX_OPENZAAK_JWT_DECODE;
    }

    ngx_memcpy(ctx->client_id.data, id.data, id.len);
    ctx->client_id.len = id.len;

    if (!json_object_object_get_ex(header, "alg", &v)
        || !json_object_is_type(v, json_type_string)
        || ngx_strcmp(json_object_get_string(v), "HS256") != 0)
    {
        ctx->alg_invalid = 1;
    }

    return NGX_OPENZAAK_JWT_OK;
}


static json_object *
ngx_openzaak_jwt_part(ngx_pool_t *pool, u_char *p, size_t len)
{
    ngx_str_t     src, dst, err;
    json_object  *obj;

    src.data = p;
    src.len = len;

    dst.data = ngx_pnalloc(pool, ngx_base64_decoded_length(len) + 1);
    if (dst.data == NULL) {
        return NULL;
    }

    if (ngx_decode_base64url(&dst, &src) != NGX_OK) {
        return NULL;
    }

    dst.data[dst.len] = '\0';

    obj = ngx_openzaak_json_parse(pool, dst.data, dst.len, &err);

    if (obj == NULL || !json_object_is_type(obj, json_type_object)) {
        return NULL;
    }

    return obj;
}


/*
 * Verifies the token of a client whose secret is known.  NGX_OK, or the
 * rc of the 403 answer already sent.
 */

ngx_int_t
ngx_openzaak_jwt_verify(ngx_openzaak_ctx_t *ctx)
{
    int                       rc;
    u_char                   *token;
    time_t                    now, iat, t;
    jwt_t                    *jwt;
    json_object              *v;
    ngx_openzaak_client_t    *client;
    ngx_openzaak_loc_conf_t  *olcf;

    client = ctx->client;
    olcf = ctx->lcf;

    if (ctx->alg_invalid) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-invalidalgorithmerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    token = ngx_openzaak_pstrdup0(ctx->request->pool, &ctx->token);
    if (token == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    jwt = NULL;
    rc = jwt_decode(&jwt, (char *) token, client->secret.data,
                    (int) client->secret.len);

    if (rc != 0 || jwt == NULL || jwt_get_alg(jwt) != JWT_ALG_HS256) {
        if (jwt) {
            jwt_free(jwt);
        }

        return ngx_openzaak_jwt_deny(ctx, "invalid-jwt-signature",
                                     "Client credentials zijn niet geldig");
    }

    jwt_free(jwt);

    now = ngx_time();

    if (!json_object_object_get_ex(ctx->claims, "iat", &v)
        || json_object_is_type(v, json_type_null))
    {
        return ngx_openzaak_jwt_deny(ctx, "jwt-missing-iat-claim",
                                     "Missing required iat claim");
    }

    if (ngx_openzaak_jwt_number(v, &iat) != NGX_OK) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-invalidissuedaterror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    /*
     * Open Zaak only logs an iat in the future, so such a token would
     * never expire.  Beyond the allowed clock skew it is refused.
     */

    if (iat > now + olcf->jwt_clock_skew) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-immaturesignatureerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    if (json_object_object_get_ex(ctx->claims, "nbf", &v)) {
        if (ngx_openzaak_jwt_number(v, &t) != NGX_OK) {
            return ngx_openzaak_jwt_deny(ctx, "jwt-decodeerror",
                                         NGX_OPENZAAK_JWT_INVALID);
        }

        if (t > now + olcf->jwt_leeway) {
            return ngx_openzaak_jwt_deny(ctx, "jwt-immaturesignatureerror",
                                         NGX_OPENZAAK_JWT_INVALID);
        }
    }

    if (json_object_object_get_ex(ctx->claims, "exp", &v)) {
        if (ngx_openzaak_jwt_number(v, &t) != NGX_OK) {
            return ngx_openzaak_jwt_deny(ctx, "jwt-decodeerror",
                                         NGX_OPENZAAK_JWT_INVALID);
        }

        if (t <= now - olcf->jwt_leeway) {
            return ngx_openzaak_jwt_deny(ctx, "jwt-expiredsignatureerror",
                                         NGX_OPENZAAK_JWT_INVALID);
        }
    }

    if (json_object_object_get_ex(ctx->claims, "aud", &v)) {
        /* no audience is configured, so any audience is a wrong one */
        return ngx_openzaak_jwt_deny(ctx, "jwt-invalidaudienceerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    if (now - iat >= olcf->jwt_expiry + olcf->jwt_leeway) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-expired",
                                     "De JWT die gebruikt is voor dit "
                                     "verzoek is verlopen");
    }

    ctx->iat = iat;

    return NGX_OK;
}


/* An integer claim: a JSON number, or a string of digits (as PyJWT's
 * int() accepts it). */

static ngx_int_t
ngx_openzaak_jwt_number(json_object *v, time_t *out)
{
    const char  *s;
    ngx_int_t    n;
    ngx_flag_t   neg;

    switch (json_object_get_type(v)) {

    case json_type_int:
        *out = (time_t) json_object_get_int64(v);
        return NGX_OK;

    case json_type_double:
        *out = (time_t) json_object_get_double(v);
        return NGX_OK;

    case json_type_string:
        s = json_object_get_string(v);
        neg = (*s == '-');
        if (neg) {
            s++;
        }

        n = ngx_atoi((u_char *) s, ngx_strlen(s));
        if (n == NGX_ERROR) {
            return NGX_ERROR;
        }

        *out = neg ? -n : n;
        return NGX_OK;

    default:
        return NGX_ERROR;
    }
}


static ngx_int_t
ngx_openzaak_jwt_deny(ngx_openzaak_ctx_t *ctx, const char *code,
    const char *detail)
{
    ngx_log_error(NGX_LOG_INFO, ctx->request->connection->log, 0,
                  "openzaak: token of client \"%V\" refused: %s",
                  &ctx->client_id, code);

    return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN, code, detail);
}
