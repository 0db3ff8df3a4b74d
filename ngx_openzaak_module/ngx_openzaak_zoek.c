/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * A search: POST .../_zoek, the handler of an action with a body that is
 * paginated.  The body holds what the list takes as query parameters,
 * typed as JSON (arrays for the lists of values), plus the operation's
 * own filters (uuid__in, a geometry, ...); page and pageSize stay in the
 * query.  The answer is the list's: the same statements, pagination and
 * per-object authorisation (zrc-006), through ngx_openzaak_engine_list()
 * with the operation's filter table.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


ngx_int_t
ngx_openzaak_zoek(ngx_openzaak_ctx_t *ctx)
{
    ngx_int_t     rc;
    ngx_str_t     name;
    json_object  *body;

    rc = ngx_openzaak_engine_body(ctx, &body);
    if (rc != NGX_OK) {
        return rc;
    }

    /* Open Zaak: "if not request.data", so also null, [] and "" */

    if (body == NULL
        || (json_object_is_type(body, json_type_object)
            && json_object_object_length(body) == 0)
        || (json_object_is_type(body, json_type_array)
            && json_object_array_length(body) == 0)
        || (json_object_is_type(body, json_type_string)
            && json_object_get_string_len(body) == 0))
    {
        return ngx_openzaak_problem_invalid1(ctx, "nonFieldErrors",
                                             "empty_search_body",
                                             "Je moet zoekparameters "
                                             "opgeven");
    }

    if (!json_object_is_type(body, json_type_object)) {
        ngx_str_set(&name, "nonFieldErrors");

        return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                     "Ongeldige data. Verwacht een "
                                     "dictionary, kreeg een %s.",
                                     ngx_openzaak_json_type_name(body))
               == NGX_OK
               ? ngx_openzaak_problem_invalid(ctx)
               : NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->body = body;

    return ngx_openzaak_engine_list(ctx);
}
