/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Fuzz target "jwt": the input is the value of an Authorization header.
 * It goes through nginx's header parser onto a request of the
 * Autorisaties API, then to ngx_openzaak_jwt_parse() and, for a token
 * that names a client, to ngx_openzaak_jwt_verify() with a known client
 * whose secret is NGX_OPENZAAK_FUZZ_SECRET, answered as
 * ngx_openzaak_authenticate() answers.
 *
 * A mutated token hardly ever keeps a valid signature, so each token is
 * also tried a second time signed anew with the client's secret: the
 * fuzzer then reaches the claim checks (iat, nbf, exp, aud) with any
 * header and payload.  The seed corpus holds tokens signed with the
 * secret too (t/fuzz/seeds.py).
 *
 * Oracles, besides those of every answer: a refusal is a 403
 * problem+json; an accepted token has an iat within the allowed window.
 */


#include "ngx_openzaak_fuzz.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>


#define NGX_OPENZAAK_FUZZ_CLIENT  "fuzz-client"
#define NGX_OPENZAAK_FUZZ_SECRET  "fuzz-secret-0123456789"


int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static ngx_int_t ngx_openzaak_fuzz_token(u_char *value, size_t len,
    ngx_str_t *resigned, ngx_pool_t *keep);


static ngx_openzaak_client_t  ngx_openzaak_fuzz_client;


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ngx_openzaak_client_t  *client;

    ngx_openzaak_fuzz_init();

    client = &ngx_openzaak_fuzz_client;

    ngx_str_set(&client->client_id, NGX_OPENZAAK_FUZZ_CLIENT);
    ngx_str_set(&client->secret, NGX_OPENZAAK_FUZZ_SECRET);
    ngx_str_set(&client->label, "fuzz");
    client->has_applicatie = 1;
    client->heeft_alle_autorisaties = 1;
    client->refs = 1;

    return 0;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ngx_int_t    rc;
    ngx_str_t    resigned;
    ngx_pool_t  *keep;

    if (size > 8192) {
        return -1;
    }

    keep = ngx_openzaak_fuzz_pool();

    ngx_str_null(&resigned);

    rc = ngx_openzaak_fuzz_token((u_char *) data, size, &resigned, keep);

    if (rc == NGX_OK && resigned.len) {
        (void) ngx_openzaak_fuzz_token(resigned.data, resigned.len, NULL,
                                       NULL);
    }

    ngx_destroy_pool(keep);

    return rc == NGX_DECLINED ? -1 : 0;
}


/*
 * One request with the header value.  NGX_DECLINED when nginx would not
 * take the header.  With "resigned", the value of the same token signed
 * anew is made in pool "keep".
 */

static ngx_int_t
ngx_openzaak_fuzz_token(u_char *value, size_t len, ngx_str_t *resigned,
    ngx_pool_t *keep)
{
    u_char                *line, *dot, *p;
    size_t                 n;
    ngx_int_t              rc;
    ngx_str_t              src, dst;
    ngx_pool_t            *pool;
    unsigned int           mdlen;
    ngx_table_elt_t       *h;
    ngx_http_request_t    *r;
    ngx_openzaak_ctx_t    *ctx;
    ngx_openzaak_api_t    *api;
    u_char                 md[EVP_MAX_MD_SIZE];

    static u_char  name[] = "Authorization: ";
    static u_char  get[] = "GET /autorisaties/api/v1/applicaties";

    pool = ngx_openzaak_fuzz_pool();

    r = ngx_openzaak_fuzz_request(pool, get, sizeof(get) - 1);
    api = ngx_openzaak_fuzz_api(0);

    if (r == NULL || api == NULL) {
        ngx_openzaak_fuzz_fail("jwt", "no request");
    }

    line = ngx_pnalloc(pool, sizeof(name) - 1 + len);
    if (line == NULL) {
        ngx_openzaak_fuzz_fail("jwt", "out of memory");
    }

    ngx_memcpy(line, name, sizeof(name) - 1);
    ngx_memcpy(line + sizeof(name) - 1, value, len);

    if (ngx_openzaak_fuzz_header(r, line, sizeof(name) - 1 + len, &h)
        != NGX_OK)
    {
        ngx_destroy_pool(pool);
        return NGX_DECLINED;
    }

    r->headers_in.authorization = h;

    ctx = ngx_openzaak_fuzz_ctx(r, api);

    if (ngx_openzaak_route(ctx) != NGX_OK) {
        ngx_openzaak_fuzz_fail("jwt", "no route");
    }

    /* as ngx_openzaak_authenticate() */

    switch (ngx_openzaak_jwt_parse(ctx)) {

    case NGX_OPENZAAK_JWT_NONE:
        ngx_destroy_pool(pool);
        return NGX_OK;

    case NGX_OPENZAAK_JWT_DECODE:
        rc = ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN,
                                  "jwt-decode-error",
                                  "Het JWT kon niet gedecodeerd worden.");
        ngx_openzaak_fuzz_check(ctx, rc, "jwt-decode-error");
        break;

    case NGX_OPENZAAK_JWT_NO_CLIENT:
        rc = ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN,
                                  "missing-client-identifier",
                                  "Client identifier is niet aanwezig in "
                                  "JWT");
        ngx_openzaak_fuzz_check(ctx, rc, "missing-client-identifier");
        break;

    case NGX_OPENZAAK_JWT_BAD_CLIENT:
        /* a client id with a NUL (or a lone surrogate, marked by one) */
        rc = ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN,
                                  "invalid-client-identifier",
                                  "Client identifier bestaat niet");
        ngx_openzaak_fuzz_check(ctx, rc, "invalid-client-identifier");
        break;

    case NGX_OPENZAAK_JWT_OK:

        if (ctx->client_id.len == 0 || ctx->claims == NULL) {
            ngx_openzaak_fuzz_fail("jwt", "a token without client or claims");
        }

        /* any client id: the one client's secret checks the signature */
        ctx->client = &ngx_openzaak_fuzz_client;

        rc = ngx_openzaak_jwt_verify(ctx);

        ngx_openzaak_fuzz_check(ctx, rc, "ngx_openzaak_jwt_verify");

        if (rc == NGX_OK
            && (ctx->iat > ngx_time() + ctx->lcf->jwt_clock_skew
                || ngx_time() - ctx->iat >= ctx->lcf->jwt_expiry))
        {
            ngx_openzaak_fuzz_fail("jwt", "accepted with iat %T", ctx->iat);
        }

        break;

    default:
        ngx_openzaak_fuzz_fail("jwt", "unknown result");
    }

    if (ngx_openzaak_fuzz_answer.header_sent
        && ngx_openzaak_fuzz_answer.status != NGX_HTTP_FORBIDDEN)
    {
        ngx_openzaak_fuzz_fail("jwt", "refused with %ui, not 403",
                               ngx_openzaak_fuzz_answer.status);
    }

    /* the same header and payload, signed with the secret */

    dot = ctx->token.len ? ngx_strlchr(ctx->token.data,
                                       ctx->token.data + ctx->token.len, '.')
                         : NULL;
    dot = dot ? ngx_strlchr(dot + 1, ctx->token.data + ctx->token.len, '.')
              : NULL;

    if (resigned && dot) {
        n = dot - ctx->token.data;

        if (HMAC(EVP_sha256(), NGX_OPENZAAK_FUZZ_SECRET,
                 sizeof(NGX_OPENZAAK_FUZZ_SECRET) - 1, ctx->token.data, n,
                 md, &mdlen)
            == NULL)
        {
            ngx_openzaak_fuzz_fail("jwt", "HMAC failed");
        }

        src.data = md;
        src.len = mdlen;

        p = ngx_pnalloc(keep, sizeof("Bearer ") - 1 + n + 1
                              + ngx_base64_encoded_length(mdlen));
        if (p == NULL) {
            ngx_openzaak_fuzz_fail("jwt", "out of memory");
        }

        resigned->data = p;
        p = ngx_cpymem(p, "Bearer ", sizeof("Bearer ") - 1);
        p = ngx_cpymem(p, ctx->token.data, n);
        *p++ = '.';

        dst.data = p;
        ngx_encode_base64url(&dst, &src);

        resigned->len = p + dst.len - resigned->data;
    }

    ngx_destroy_pool(pool);

    return NGX_OK;
}
