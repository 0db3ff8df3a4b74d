/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * application/problem+json answers in the ZGW "Fout" / "ValidatieFout"
 * shape, with the codes, titles and error types Open Zaak uses, and the
 * mapping of PostgreSQL errors onto them.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_pg.h"
#include "ngx_openzaak_engine.h"


#define NGX_OPENZAAK_MSG_DOWN                                                \
    "De database is tijdelijk niet bereikbaar; probeer het later opnieuw."
#define NGX_OPENZAAK_MSG_BUSY                                                \
    "De server is op dit moment te druk; probeer het over een seconde "      \
    "opnieuw."
#define NGX_OPENZAAK_MSG_VALUE                                               \
    "Een waarde in het verzoek kan niet worden opgeslagen."


static json_object *ngx_openzaak_problem_string(ngx_pool_t *pool,
    u_char *p, size_t len);


typedef struct {
    ngx_uint_t    status;
    const char   *type;       /* exception class: the "type" URL suffix */
    const char   *code;
    const char   *title;
    const char   *detail;
} ngx_openzaak_problem_class_t;


static ngx_openzaak_problem_class_t  ngx_openzaak_problem_classes[] = {
    { 400, "ValidationError", "invalid", "Ongeldige invoer.",
      "Ongeldige invoer." },
    { 401, "NotAuthenticated", "not_authenticated",
      "Authenticatiegegevens zijn niet opgegeven.",
      "Authenticatiegegevens zijn niet opgegeven." },
    { 403, "PermissionDenied", "permission_denied",
      "Je hebt geen toestemming om deze actie uit te voeren.",
      "Je hebt geen toestemming om deze actie uit te voeren." },
    { 404, "NotFound", "not_found", "Niet gevonden.", "Niet gevonden." },
    { 405, "MethodNotAllowed", "method_not_allowed",
      "Methode \"{method}\" niet toegestaan.", NULL },
    { 406, "NotAcceptable", "not_acceptable",
      "Kan niet voldoen aan de opgegeven Accept header.",
      "Kan niet voldoen aan de opgegeven Accept header." },
    { 408, "RequestTimeout", "request_timeout",
      "Het verzoek duurde te lang.", "Het verzoek duurde te lang." },
    { 409, "Conflict", "conflict", "Er is een conflict",
      "Er is een conflict" },
    { 410, "Gone", "gone", "De resource bestaat niet meer",
      "De resource bestaat niet meer" },
    { 411, "LengthRequired", "length_required",
      "Content-Length ontbreekt.", "Content-Length ontbreekt." },
    { 412, "PreconditionFailed", "precondition_failed",
      "Voorwaarde is niet vervuld", "Voorwaarde is niet vervuld" },
    { 413, "RequestEntityTooLargeException", "request_entity_too_large",
      "Request entity too large",
      "De inhoud van het verzoek is groter dan toegestaan." },
    { 414, "RequestUriTooLong", "request_uri_too_long",
      "De URI van het verzoek is te lang.",
      "De URI van het verzoek is te lang." },
    { 415, "UnsupportedMediaType", "unsupported_media_type",
      "Ongeldige media type \"{media_type}\" in aanvraag.", NULL },
    { 429, "Throttled", "throttled", "Aanvraag was verstikt.",
      "Aanvraag was verstikt." },
    { 500, "APIException", "error", "Er is een serverfout opgetreden.",
      "Internal Server Error" },
    { 501, "NotImplemented", "not_implemented",
      "Deze functie is niet geïmplementeerd.",
      "Deze functie is niet geïmplementeerd." },
    { 502, "BadGateway", "bad_gateway", "Ongeldig antwoord van een dienst.",
      "Ongeldig antwoord van een dienst." },
    { 503, "ServiceUnavailable", "service_unavailable",
      "De dienst is tijdelijk niet beschikbaar.",
      NGX_OPENZAAK_MSG_DOWN },
    { 504, "GatewayTimeout", "gateway_timeout",
      "Een dienst antwoordde niet op tijd.",
      "Een dienst antwoordde niet op tijd." },
    { 0, NULL, NULL, NULL, NULL }
};


static ngx_openzaak_problem_class_t *
ngx_openzaak_problem_class(ngx_uint_t status)
{
    ngx_openzaak_problem_class_t  *pc;

    for (pc = ngx_openzaak_problem_classes; pc->status; pc++) {
        if (pc->status == status) {
            return pc;
        }
    }

    return (status >= 500) ? &ngx_openzaak_problem_classes[15]
                           : &ngx_openzaak_problem_classes[0];
}


/*
 * Renders a problem body.  errors (ngx_openzaak_invalid_param_t) turns it
 * into a ValidatieFout with invalidParams.
 */

ngx_int_t
ngx_openzaak_problem_body(ngx_http_request_t *r, ngx_str_t *base,
    ngx_uint_t status, ngx_str_t *code, ngx_str_t *detail,
    ngx_array_t *errors, ngx_str_t *out)
{
    u_char                        *p, uuid[NGX_OPENZAAK_UUID_LEN];
    ngx_int_t                      rc;
    ngx_uint_t                     i;
    json_object                   *obj, *list, *item;
    ngx_openzaak_invalid_param_t  *ip;
    ngx_openzaak_problem_class_t  *pc;
    u_char                         buf[256];

    pc = ngx_openzaak_problem_class(status);

    obj = json_object_new_object();
    if (obj == NULL) {
        return NGX_ERROR;
    }

    p = ngx_snprintf(buf, sizeof(buf), "%V/ref/fouten/%s/", base,
                     (status == 400 && code
                      && ngx_strncmp(code->data, "parse_error", code->len) == 0
                      && code->len == sizeof("parse_error") - 1)
                     ? "ParseError" : pc->type);

    json_object_object_add(obj, "type",
                           json_object_new_string_len((char *) buf, p - buf));

    if (code && code->len) {
        json_object_object_add(obj, "code",
            json_object_new_string_len((char *) code->data, code->len));
    } else {
        json_object_object_add(obj, "code", json_object_new_string(pc->code));
    }

    if (status == 400 && code
        && code->len == sizeof("parse_error") - 1
        && ngx_strncmp(code->data, "parse_error", code->len) == 0)
    {
        json_object_object_add(obj, "title",
            json_object_new_string("Ongeldig samengestelde request."));

    } else {
        json_object_object_add(obj, "title",
                               json_object_new_string(pc->title));
    }

    json_object_object_add(obj, "status", json_object_new_int(status));

    if (detail && detail->len) {
        json_object_object_add(obj, "detail",
            ngx_openzaak_problem_string(r->pool, detail->data, detail->len));

    } else if (status == NGX_HTTP_NOT_ALLOWED) {
        /* the title keeps DRF's "{method}"; the detail names the method */
        p = ngx_snprintf(buf, sizeof(buf), "Methode \"%V\" niet toegestaan.",
                         &r->method_name);
        json_object_object_add(obj, "detail",
            json_object_new_string_len((char *) buf, p - buf));

    } else {
        json_object_object_add(obj, "detail",
            json_object_new_string(pc->detail ? pc->detail : pc->title));
    }

    if (ngx_openzaak_uuid4(uuid) != NGX_OK) {
        json_object_put(obj);
        return NGX_ERROR;
    }

    p = ngx_snprintf(buf, sizeof(buf), "urn:uuid:%*s",
                     (size_t) NGX_OPENZAAK_UUID_LEN, uuid);
    json_object_object_add(obj, "instance",
                           json_object_new_string_len((char *) buf, p - buf));

    if (errors) {
        list = json_object_new_array();
        ip = errors->elts;

        for (i = 0; i < errors->nelts; i++) {
            item = json_object_new_object();
            json_object_object_add(item, "name",
                ngx_openzaak_problem_string(r->pool, ip[i].name.data,
                                            ip[i].name.len));
            json_object_object_add(item, "code",
                ngx_openzaak_problem_string(r->pool, ip[i].code.data,
                                            ip[i].code.len));
            json_object_object_add(item, "reason",
                ngx_openzaak_problem_string(r->pool, ip[i].reason.data,
                                            ip[i].reason.len));
            json_object_array_add(list, item);
        }

        json_object_object_add(obj, "invalidParams", list);
    }

    rc = ngx_openzaak_json_to_str(r->pool, obj, out);

    json_object_put(obj);

    return rc;
}


/*
 * A string of an answer.  What clients sent is echoed in names and
 * reasons ("Onbekende query parameters: ..."); whatever it was, the answer
 * stays valid JSON: what is no UTF-8 becomes U+FFFD.
 */

static json_object *
ngx_openzaak_problem_string(ngx_pool_t *pool, u_char *p, size_t len)
{
    ngx_str_t  in, out;

    in.data = p;
    in.len = len;

    if (ngx_openzaak_utf8_sanitize(pool, &in, &out) != NGX_OK) {
        return NULL;
    }

    return json_object_new_string_len((char *) out.data, out.len);
}


static ngx_int_t
ngx_openzaak_problem_send(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    ngx_str_t *code, ngx_str_t *detail, ngx_array_t *errors)
{
    ngx_str_t  body;

    if (ngx_openzaak_problem_body(ctx->request, &ctx->base, status, code,
                                  detail, errors, &body)
        != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_send(ctx, status, "application/problem+json", &body);
}


ngx_int_t
ngx_openzaak_problem(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    const char *code, const char *detail)
{
    ngx_str_t  c, d;

    c.data = (u_char *) code;
    c.len = code ? ngx_strlen(code) : 0;
    d.data = (u_char *) detail;
    d.len = detail ? ngx_strlen(detail) : 0;

    return ngx_openzaak_problem_send(ctx, status, code ? &c : NULL,
                                     detail ? &d : NULL, NULL);
}


ngx_int_t
ngx_openzaak_problem_status(ngx_openzaak_ctx_t *ctx, ngx_uint_t status)
{
    return ngx_openzaak_problem_send(ctx, status, NULL, NULL, NULL);
}


/* 400 ValidatieFout with the invalid params collected in ctx->errors. */

ngx_int_t
ngx_openzaak_problem_invalid(ngx_openzaak_ctx_t *ctx)
{
    return ngx_openzaak_problem_send(ctx, NGX_HTTP_BAD_REQUEST, NULL, NULL,
                                     ctx->errors);
}


ngx_int_t
ngx_openzaak_problem_invalid1(ngx_openzaak_ctx_t *ctx, const char *name,
    const char *code, const char *reason)
{
    if (ngx_openzaak_invalid(ctx, name, ngx_strlen(name), code, reason,
                             ngx_strlen(reason))
        != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_problem_invalid(ctx);
}


/*
 * The request's invalidParams as the JSON array zgw.problems_add() takes,
 * to carry rules found in C into the write's transaction.
 */

ngx_int_t
ngx_openzaak_errors_json(ngx_openzaak_ctx_t *ctx, ngx_str_t *out)
{
    ngx_int_t                      rc;
    ngx_uint_t                     i;
    json_object                   *list, *item;
    ngx_openzaak_invalid_param_t  *ip;

    list = json_object_new_array();
    if (list == NULL) {
        return NGX_ERROR;
    }

    ip = ctx->errors ? ctx->errors->elts : NULL;

    for (i = 0; ctx->errors && i < ctx->errors->nelts; i++) {
        item = json_object_new_object();
        if (item == NULL || json_object_array_add(list, item) != 0) {
            json_object_put(item);
            json_object_put(list);
            return NGX_ERROR;
        }

        json_object_object_add(item, "name",
            json_object_new_string_len((char *) ip[i].name.data,
                                       ip[i].name.len));
        json_object_object_add(item, "code",
            json_object_new_string_len((char *) ip[i].code.data,
                                       ip[i].code.len));
        json_object_object_add(item, "reason",
            json_object_new_string_len((char *) ip[i].reason.data,
                                       ip[i].reason.len));
    }

    rc = ngx_openzaak_json_to_str(ctx->request->pool, list, out);
    json_object_put(list);

    return rc;
}


/* Adds one entry to the request's invalidParams. */

ngx_int_t
ngx_openzaak_invalid(ngx_openzaak_ctx_t *ctx, const char *name,
    size_t name_len, const char *code, const char *reason, size_t reason_len)
{
    ngx_pool_t                    *pool;
    ngx_openzaak_invalid_param_t  *ip;

    pool = ctx->request->pool;

    if (ctx->errors == NULL) {
        ctx->errors = ngx_array_create(pool, 4,
                                       sizeof(ngx_openzaak_invalid_param_t));
        if (ctx->errors == NULL) {
            return NGX_ERROR;
        }
    }

    ip = ngx_array_push(ctx->errors);
    if (ip == NULL) {
        return NGX_ERROR;
    }

    ip->name.data = ngx_pnalloc(pool, name_len);
    ip->reason.data = ngx_pnalloc(pool, reason_len);

    if (ip->name.data == NULL || ip->reason.data == NULL) {
        return NGX_ERROR;
    }

    ngx_memcpy(ip->name.data, name, name_len);
    ip->name.len = name_len;
    ip->code.data = (u_char *) code;
    ip->code.len = ngx_strlen(code);
    ngx_memcpy(ip->reason.data, reason, reason_len);
    ip->reason.len = reason_len;

    return NGX_OK;
}


ngx_int_t
ngx_openzaak_invalidf(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    const char *code, const char *fmt, ...)
{
    u_char   *p, buf[1024];
    va_list   args;

    va_start(args, fmt);
    p = ngx_vslprintf(buf, buf + sizeof(buf), fmt, args);
    va_end(args);

    return ngx_openzaak_invalid(ctx, (char *) name->data, name->len, code,
                                (char *) buf, p - buf);
}


/*
 * A failed database query.  Unavailability and timeouts are 503.  The
 * schema raises SQLSTATE ZG400 with an invalidParams JSON array as the
 * message for business rules checked in SQL, and ZG403/ZG404 for the
 * other answers; constraint violations map through the resource's
 * constraint table.  Anything else is a 500 and is logged.
 */

/*
 * The field of a foreign key violation: PostgreSQL names the constraint
 * "<table>_<column>_fkey"; the descriptor knows which field the column is.
 */

static const char *
ngx_openzaak_fk_field(ngx_openzaak_ctx_t *ctx, const char *cname)
{
    size_t                       tlen, clen;
    const char                  *table, *dot;
    const ngx_openzaak_field_t  *f;

    if (cname == NULL || ctx->resource == NULL) {
        return "nonFieldErrors";
    }

    table = ctx->resource->table;
    dot = ngx_strchr(table, '.');
    if (dot) {
        table = dot + 1;
    }

    tlen = ngx_strlen(table);
    clen = ngx_strlen(cname);

    if (clen <= tlen + sizeof("__fkey") - 1
        || ngx_strncmp(cname, table, tlen) != 0
        || cname[tlen] != '_'
        || ngx_strcmp(cname + clen - 5, "_fkey") != 0)
    {
        return "nonFieldErrors";
    }

    for (f = ctx->resource->fields; f->name; f++) {
        if (f->column
            && ngx_strlen(f->column) == clen - tlen - 6
            && ngx_strncmp(f->column, cname + tlen + 1, clen - tlen - 6) == 0)
        {
            return f->name;
        }
    }

    return "nonFieldErrors";
}


ngx_int_t
ngx_openzaak_problem_pg(ngx_openzaak_ctx_t *ctx, ngx_openzaak_pg_query_t *q)
{
    char                             *state, *msg, *cname, *detail;
    u_char                           *code;
    size_t                            len;
    ngx_str_t                         d;
    ngx_uint_t                        i, n;
    const char                       *nm, *cd, *rs;
    json_object                      *arr, *item, *v;
    ngx_openzaak_constraint_t  const *cn;

    if (q->rc == NGX_OPENZAAK_PG_UNAVAILABLE) {
        return ngx_openzaak_problem_status(ctx, NGX_HTTP_SERVICE_UNAVAILABLE);
    }

    if (q->rc == NGX_OPENZAAK_PG_OVERLOADED) {
        /* every connection is working: come back in a moment */
        ngx_str_set(&d, "1");

        if (ngx_openzaak_set_header(ctx->request, "Retry-After", &d)
            != NGX_OK)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        return ngx_openzaak_problem(ctx, NGX_HTTP_SERVICE_UNAVAILABLE, NULL,
                                    NGX_OPENZAAK_MSG_BUSY);
    }

    if (q->rc == NGX_OPENZAAK_PG_TIMEOUT) {
        return ngx_openzaak_problem(ctx, NGX_HTTP_SERVICE_UNAVAILABLE, NULL,
                                    "De database antwoordde niet op tijd; "
                                    "probeer het later opnieuw.");
    }

    if (q->error == NULL) {
        return ngx_openzaak_problem_status(ctx,
                                           NGX_HTTP_INTERNAL_SERVER_ERROR);
    }

    state = PQresultErrorField(q->error, PG_DIAG_SQLSTATE);
    msg = PQresultErrorField(q->error, PG_DIAG_MESSAGE_PRIMARY);
    detail = PQresultErrorField(q->error, PG_DIAG_MESSAGE_DETAIL);
    cname = PQresultErrorField(q->error, PG_DIAG_CONSTRAINT_NAME);

    if (state == NULL) {
        state = "";
    }

    if (msg == NULL) {
        msg = "";
    }

    /* the server's statement_timeout, or a cancel by an operator */
    if (ngx_strcmp(state, "57014") == 0) {
        return ngx_openzaak_problem(ctx, NGX_HTTP_SERVICE_UNAVAILABLE, NULL,
                                    "De database antwoordde niet op tijd; "
                                    "probeer het later opnieuw.");
    }

    /*
     * Passing conditions: connection loss (08), lack of resources (53),
     * shutdown (57P), a serialization failure or deadlock (40001, 40P01).
     * The client may retry.
     */
    if (ngx_strncmp(state, "08", 2) == 0
        || ngx_strncmp(state, "53", 2) == 0
        || ngx_strncmp(state, "57P", 3) == 0
        || ngx_strcmp(state, "40001") == 0
        || ngx_strcmp(state, "40P01") == 0)
    {
        ngx_log_error(NGX_LOG_WARN, ctx->request->connection->log, 0,
                      "openzaak: database: %s %s", state, msg);
        return ngx_openzaak_problem_status(ctx,
                                           NGX_HTTP_SERVICE_UNAVAILABLE);
    }

    if (ngx_strcmp(state, "ZG400") == 0) {
        arr = json_tokener_parse(detail ? detail : msg);

        if (arr && json_object_is_type(arr, json_type_array)) {
            n = json_object_array_length(arr);

            for (i = 0; i < n; i++) {
                item = json_object_array_get_idx(arr, i);
                nm = "nonFieldErrors";
                cd = "invalid";
                rs = "";

                if (json_object_object_get_ex(item, "name", &v)) {
                    nm = json_object_get_string(v);
                }
                if (json_object_object_get_ex(item, "code", &v)) {
                    cd = json_object_get_string(v);
                }
                if (json_object_object_get_ex(item, "reason", &v)) {
                    rs = json_object_get_string(v);
                }

                len = ngx_strlen(cd);
                code = ngx_pnalloc(ctx->request->pool, len + 1);
                if (code == NULL) {
                    json_object_put(arr);
                    return NGX_HTTP_INTERNAL_SERVER_ERROR;
                }
                ngx_memcpy(code, cd, len + 1);

                if (ngx_openzaak_invalid(ctx, nm, ngx_strlen(nm),
                                         (char *) code, rs, ngx_strlen(rs))
                    != NGX_OK)
                {
                    json_object_put(arr);
                    return NGX_HTTP_INTERNAL_SERVER_ERROR;
                }
            }

            json_object_put(arr);
            return ngx_openzaak_problem_invalid(ctx);
        }

        if (arr) {
            json_object_put(arr);
        }
    }

    if (ngx_strcmp(state, "ZG403") == 0) {
        return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN, NULL,
                                    *msg ? msg : NULL);
    }

    if (ngx_strcmp(state, "ZG404") == 0) {
        return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
    }

    if ((ngx_strcmp(state, "23505") == 0 || ngx_strcmp(state, "23503") == 0
         || ngx_strcmp(state, "23514") == 0 || ngx_strcmp(state, "23P01") == 0)
        && cname && ctx->resource && ctx->resource->constraints)
    {
        for (cn = ctx->resource->constraints; cn->constraint; cn++) {
            if (ngx_strcmp(cn->constraint, cname) == 0) {
                return ngx_openzaak_problem_invalid1(ctx, cn->name, cn->code,
                                                     cn->reason);
            }
        }
    }

    if (ngx_strcmp(state, "23505") == 0) {
        return ngx_openzaak_problem_invalid1(ctx, "nonFieldErrors", "unique",
                                             "Dit object bestaat al.");
    }

    if (ngx_strcmp(state, "23503") == 0) {
        return ngx_openzaak_problem_invalid1(ctx,
                                             ngx_openzaak_fk_field(ctx, cname),
                                             "does_not_exist",
                                             "Ongeldige hyperlink - Object "
                                             "bestaat niet.");
    }

    if (state[0] == '2' && state[1] == '2') {
        /*
         * A value PostgreSQL could not take, which validation should have
         * refused first.  Its message names types and encodings of the
         * database: it goes to the log, never into the answer.
         */
        d.data = (u_char *) msg;
        d.len = ngx_strlen(msg);

        ngx_log_error(NGX_LOG_WARN, ctx->request->connection->log, 0,
                      "openzaak: a value the database refused: %s %V",
                      state, &d);

        return ngx_openzaak_problem_invalid1(ctx, "nonFieldErrors", "invalid",
                                             NGX_OPENZAAK_MSG_VALUE);
    }

    ngx_log_error(NGX_LOG_ERR, ctx->request->connection->log, 0,
                  "openzaak: statement %i failed: %s %s%s%s", q->failed,
                  state, msg, detail ? " - " : "", detail ? detail : "");

    return ngx_openzaak_problem_status(ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
}
