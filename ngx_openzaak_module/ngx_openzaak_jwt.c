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

/*
 * The range of a time claim (iat, exp, nbf): from the epoch to the end of
 * year 9999, the dates Python can represent.  Outside it a value means
 * nothing, and arithmetic on it would overflow.
 */
#define NGX_OPENZAAK_JWT_TIME_MAX  253402300799LL

/* a JOSE header or claims set is small; the limits keep it so */
static const ngx_openzaak_json_limits_t  ngx_openzaak_jwt_limits = {
    256,        /* values */
    64          /* items of one array */
};


static json_object *ngx_openzaak_jwt_part(ngx_pool_t *pool, u_char *p,
    size_t len);
static ngx_int_t ngx_openzaak_jwt_string(json_object *v, ngx_str_t *out);
static ngx_int_t ngx_openzaak_jwt_number(json_object *v, int64_t *out);
static ngx_uint_t ngx_openzaak_jwt_time_claim(json_object *claims,
    const char *name, int64_t *out);
static ngx_int_t ngx_openzaak_jwt_deny(ngx_openzaak_ctx_t *ctx,
    const char *code, const char *detail);


/* Finds the token of "Authorization: Bearer <token>" (ctx->token). */

ngx_openzaak_jwt_rc_e
ngx_openzaak_jwt_token(ngx_openzaak_ctx_t *ctx)
{
    u_char              *p, *end;
    ngx_str_t            value;
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

    return NGX_OPENZAAK_JWT_OK;
}


/* Reads the client id and the claims of ctx->token, unverified. */

ngx_openzaak_jwt_rc_e
ngx_openzaak_jwt_parse(ngx_openzaak_ctx_t *ctx)
{
    u_char              *p, *dot1, *dot2, *end;
    ngx_str_t            id;
    json_object         *header, *payload, *v;
    ngx_http_request_t  *r;

    r = ctx->request;

    p = ctx->token.data;
    end = p + ctx->token.len;

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
        if (ngx_openzaak_jwt_string(v, &id) != NGX_OK) {
            return NGX_OPENZAAK_JWT_BAD_CLIENT;
        }
    }

    /* older clients name themselves in the JOSE header */

    if (id.len == 0
        && json_object_object_get_ex(header, "client_identifier", &v)
        && json_object_is_type(v, json_type_string))
    {
        if (ngx_openzaak_jwt_string(v, &id) != NGX_OK) {
            return NGX_OPENZAAK_JWT_BAD_CLIENT;
        }
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
        || json_object_get_string_len(v) != sizeof("HS256") - 1
        || ngx_strcmp(json_object_get_string(v), "HS256") != 0)
    {
        ctx->alg_invalid = 1;
    }

    return NGX_OPENZAAK_JWT_OK;
}


/*
 * A client id as text, whole: one with a NUL (or a lone surrogate, which
 * the JSON scanner marks with one) names no client, and must not name
 * the client whose id is the part before it.
 */

static ngx_int_t
ngx_openzaak_jwt_string(json_object *v, ngx_str_t *out)
{
    out->data = (u_char *) json_object_get_string(v);

    if (json_object_is_type(v, json_type_string)) {
        out->len = json_object_get_string_len(v);

        if (ngx_strlchr(out->data, out->data + out->len, '\0')) {
            return NGX_ERROR;
        }

    } else {
        out->len = ngx_strlen(out->data);
    }

    return NGX_OK;
}


static json_object *
ngx_openzaak_jwt_part(ngx_pool_t *pool, u_char *p, size_t len)
{
    ngx_str_t                   src, dst;
    json_object                *obj;
    ngx_openzaak_json_error_t   err;

    src.data = p;
    src.len = len;

    dst.data = ngx_pnalloc(pool, ngx_base64_decoded_length(len));
    if (dst.data == NULL) {
        return NULL;
    }

    if (ngx_decode_base64url(&dst, &src) != NGX_OK) {
        return NULL;
    }

    if (ngx_openzaak_json_parse(pool, dst.data, dst.len,
                                &ngx_openzaak_jwt_limits, &obj, &err)
        != NGX_OK
        || !json_object_is_type(obj, json_type_object))
    {
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
    int                        err;
    jwt_t                     *jwt;
    u_char                    *token;
    ngx_int_t                  rc;
    json_object               *v;
    ngx_openzaak_client_t     *client;
    ngx_openzaak_jwt_times_t   times;

    client = ctx->client;

    if (ctx->alg_invalid) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-invalidalgorithmerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    token = ngx_openzaak_pstrdup0(ctx->request->pool, &ctx->token);
    if (token == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    jwt = NULL;
    err = jwt_decode(&jwt, (char *) token, client->secret.data,
                     (int) client->secret.len);

    if (err != 0 || jwt == NULL || jwt_get_alg(jwt) != JWT_ALG_HS256) {
        if (jwt) {
            jwt_free(jwt);
        }

        return ngx_openzaak_jwt_deny(ctx, "invalid-jwt-signature",
                                     "Client credentials zijn niet geldig");
    }

    jwt_free(jwt);

    if (!json_object_object_get_ex(ctx->claims, "iat", &v)
        || json_object_is_type(v, json_type_null))
    {
        return ngx_openzaak_jwt_deny(ctx, "jwt-missing-iat-claim",
                                     "Missing required iat claim");
    }

    if (ngx_openzaak_jwt_number(v, &times.iat) != NGX_OK) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-invalidissuedaterror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    times.nbf_state = ngx_openzaak_jwt_time_claim(ctx->claims, "nbf",
                                                  &times.nbf);
    times.exp_state = ngx_openzaak_jwt_time_claim(ctx->claims, "exp",
                                                  &times.exp);
    times.aud = json_object_object_get_ex(ctx->claims, "aud", NULL);

    rc = ngx_openzaak_jwt_check_times(ctx, &times);

    if (rc == NGX_OK) {
        ctx->jwt_times = times;
    }

    return rc;
}


/*
 * The checks that depend on the clock and the location's directives, in
 * the order PyJWT and Open Zaak make them.  They run on every use of a
 * token: after its verification, and again whenever the token cache
 * vouches for it, so a token is refused the moment it expires, with the
 * answer a fresh verification would give.  A claim that could not be read
 * is refused where its check stands, which keeps that order too.
 */

ngx_int_t
ngx_openzaak_jwt_check_times(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_jwt_times_t *t)
{
    int64_t                   now;
    ngx_openzaak_loc_conf_t  *olcf;

    olcf = ctx->lcf;
    now = ngx_time();

    /*
     * Open Zaak only logs an iat in the future, so such a token would
     * never expire.  Beyond the allowed clock skew it is refused.  The
     * claims are in range: the differences cannot overflow, whatever the
     * configured times.
     */

    if (t->iat - now > olcf->jwt_clock_skew) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-immaturesignatureerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    if (t->nbf_state == NGX_OPENZAAK_JWT_TIME_BAD) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-decodeerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    if (t->nbf_state == NGX_OPENZAAK_JWT_TIME_SET
        && t->nbf - now > olcf->jwt_leeway)
    {
        return ngx_openzaak_jwt_deny(ctx, "jwt-immaturesignatureerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    if (t->exp_state == NGX_OPENZAAK_JWT_TIME_BAD) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-decodeerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    if (t->exp_state == NGX_OPENZAAK_JWT_TIME_SET
        && now - t->exp >= olcf->jwt_leeway)
    {
        return ngx_openzaak_jwt_deny(ctx, "jwt-expiredsignatureerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    if (t->aud) {
        /* no audience is configured, so any audience is a wrong one */
        return ngx_openzaak_jwt_deny(ctx, "jwt-invalidaudienceerror",
                                     NGX_OPENZAAK_JWT_INVALID);
    }

    if (now - t->iat - olcf->jwt_leeway >= olcf->jwt_expiry) {
        return ngx_openzaak_jwt_deny(ctx, "jwt-expired",
                                     "De JWT die gebruikt is voor dit "
                                     "verzoek is verlopen");
    }

    ctx->iat = (time_t) t->iat;

    return NGX_OK;
}


/* An optional time claim (nbf, exp): absent, a valid time, or unusable. */

static ngx_uint_t
ngx_openzaak_jwt_time_claim(json_object *claims, const char *name,
    int64_t *out)
{
    json_object  *v;

    *out = 0;

    if (!json_object_object_get_ex(claims, name, &v)) {
        return NGX_OPENZAAK_JWT_TIME_ABSENT;
    }

    if (ngx_openzaak_jwt_number(v, out) != NGX_OK) {
        return NGX_OPENZAAK_JWT_TIME_BAD;
    }

    return NGX_OPENZAAK_JWT_TIME_SET;
}


/*
 * A time claim (NumericDate): an integer number of seconds from the epoch
 * to the end of year 9999, written as a JSON integer, as a number without
 * fraction (1.7e9), or as a string of digits (PyJWT's int() reads those).
 * Anything else, fractions, booleans and values out of range included,
 * is refused: converting them would be undefined, and a time far away
 * would make a token that never expires.
 */

static ngx_int_t
ngx_openzaak_jwt_number(json_object *v, int64_t *out)
{
    double       d;
    size_t       len, i;
    int64_t      n;
    const char  *s;

    switch (json_object_get_type(v)) {

    case json_type_int:
        /* json-c saturates what does not fit: out of range all the same */
        n = json_object_get_int64(v);
        break;

    case json_type_double:
        d = json_object_get_double(v);

        /* also false for NaN */
        if (!(d >= 0 && d <= (double) NGX_OPENZAAK_JWT_TIME_MAX)) {
            return NGX_ERROR;
        }

        n = (int64_t) d;

        if ((double) n != d) {
            return NGX_ERROR;
        }

        break;

    case json_type_string:
        s = json_object_get_string(v);
        len = json_object_get_string_len(v);

        if (len == 0 || len > 12) {
            return NGX_ERROR;
        }

        n = 0;

        for (i = 0; i < len; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return NGX_ERROR;
            }

            n = n * 10 + (s[i] - '0');
        }

        break;

    default:
        return NGX_ERROR;
    }

    if (n < 0 || n > NGX_OPENZAAK_JWT_TIME_MAX) {
        return NGX_ERROR;
    }

    *out = n;

    return NGX_OK;
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
