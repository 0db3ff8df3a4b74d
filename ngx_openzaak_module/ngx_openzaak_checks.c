/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Field checks beyond type and length, attached to descriptors through
 * their "check" member.  Codes and messages are Open Zaak's.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


/*
 * RSIN (and BSN): digits only, and with nine of them the "11-proef": the
 * digits weighted 9..2 plus the last one weighted -1 sum to a multiple of
 * 11.  The length itself is checked by the field's min and max length.
 */

ngx_int_t
ngx_openzaak_check_rsin(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    ngx_int_t   sum;
    ngx_uint_t  i;

    for (i = 0; i < value->len; i++) {
        if (!ngx_openzaak_isdigit(value->data[i])) {
            (void) ngx_openzaak_invalidf(ctx, name, "only-digits",
                                         "Voer een numerieke waarde in");
            return NGX_DECLINED;
        }
    }

    /*
     * The 11-proef as vng-api-common computes it, on a value of any length
     * (the length itself is the field's min/max_length check): the last
     * digit weighs -1, the one before it 2, then 3, ...
     */

    if (value->len == 0) {
        return NGX_OK;
    }

    sum = -(ngx_int_t) (value->data[value->len - 1] - '0');

    for (i = 0; i + 1 < value->len; i++) {
        sum += (value->data[i] - '0') * (ngx_int_t) (value->len - i);
    }

    if (sum % 11 != 0) {
        (void) ngx_openzaak_invalidf(ctx, name, "invalid",
                                     "Onjuist RSIN nummer");
        return NGX_DECLINED;
    }

    return NGX_OK;
}


ngx_int_t
ngx_openzaak_check_uppercase(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    ngx_uint_t  i;

    for (i = 0; i < value->len; i++) {
        if (value->data[i] >= 'a' && value->data[i] <= 'z') {
            (void) ngx_openzaak_invalidf(ctx, name, "invalid",
                                         "Voer alleen hoofdletters in.");
            return NGX_DECLINED;
        }
    }

    return NGX_OK;
}


/* Letters, digits, underscores and spaces (an eigenschap's groep). */

ngx_int_t
ngx_openzaak_check_word(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    u_char      c;
    ngx_uint_t  i;

    for (i = 0; i < value->len; i++) {
        c = value->data[i];

        if (!(ngx_openzaak_isalnum(c) || c == '_' || c == ' ' || c >= 0x80)) {
            (void) ngx_openzaak_invalidf(ctx, name, "invalid",
                                         "Een waarde mag alleen letters, "
                                         "cijfers, liggende streepjes en "
                                         "spaties bevatten.");
            return NGX_DECLINED;
        }
    }

    return NGX_OK;
}


/* An e-mail address as Django's EmailValidator sees it, roughly: a local
 * part without spaces, an "@", and a domain with a dot. */

ngx_int_t
ngx_openzaak_check_email(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    u_char  *at, *p, *end;

    if (value->len == 0) {
        return NGX_OK;
    }

    end = value->data + value->len;
    at = ngx_strlchr(value->data, end, '@');

    if (at == NULL || at == value->data || at + 1 == end
        || ngx_strlchr(at + 1, end, '@'))
    {
        goto invalid;
    }

    for (p = value->data; p < end; p++) {
        if (*p <= ' ' || *p == '"' || *p == ',' || *p == '<' || *p == '>') {
            goto invalid;
        }
    }

    p = ngx_strlchr(at + 1, end, '.');

    if (p == NULL || p == at + 1 || end[-1] == '.') {
        goto invalid;
    }

    return NGX_OK;

invalid:

    (void) ngx_openzaak_invalidf(ctx, name, "invalid",
                                 "Voer een geldig e-mailadres in.");
    return NGX_DECLINED;
}


/* A duration that is not zero: servicenorm "P0D" means nothing. */

ngx_int_t
ngx_openzaak_check_nonzero_duration(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    ngx_uint_t  i;

    for (i = 0; i < value->len; i++) {
        if (value->data[i] >= '1' && value->data[i] <= '9') {
            return NGX_OK;
        }
    }

    (void) ngx_openzaak_invalidf(ctx, name, "empty-duration",
                                 "De duur mag niet nul zijn.");
    return NGX_DECLINED;
}
