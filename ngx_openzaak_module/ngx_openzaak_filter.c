/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Query parameters: the unknown-parameter check, filters turned into
 * parameterised SQL conditions, and pagination (page, pageSize, and the
 * next/previous links as Django REST framework writes them).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


#define NGX_OPENZAAK_PAGE_SIZE      100
#define NGX_OPENZAAK_PAGE_SIZE_MAX  500


typedef struct {
    ngx_str_t                    key;
    ngx_str_t                    value;     /* decoded */
} ngx_openzaak_arg_t;


typedef struct {
    const char                  *sql;
    const char                  *value;
} ngx_openzaak_cond_t;


static ngx_int_t ngx_openzaak_args_parse(ngx_openzaak_ctx_t *ctx,
    ngx_array_t *args);
static ngx_int_t ngx_openzaak_unescape(ngx_pool_t *pool, u_char *p,
    size_t len, ngx_str_t *out);
static ngx_openzaak_arg_t *ngx_openzaak_args_get(ngx_array_t *args,
    const char *name);
static ngx_int_t ngx_openzaak_filter_text(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_filter_t *f, ngx_str_t *value);
static ngx_int_t ngx_openzaak_filter_value(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_filter_t *f, ngx_str_t *value, const char **out,
    ngx_flag_t body);
static ngx_int_t ngx_openzaak_filter_csv(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_filter_t *f, ngx_str_t *value, const char **out);
static ngx_int_t ngx_openzaak_filter_body(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_filter_t *f, json_object *body, ngx_str_t *value,
    ngx_flag_t *done);
static ngx_int_t ngx_openzaak_filter_ordering(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la);
static ngx_int_t ngx_openzaak_item_name(ngx_openzaak_ctx_t *ctx,
    const char *name, size_t i, ngx_str_t *out);
static void ngx_openzaak_quote_plus(ngx_openzaak_sb_t *sb, ngx_str_t *s);


static const ngx_openzaak_filter_t  ngx_openzaak_no_filters[] = {
    { .name = NULL }
};


const ngx_openzaak_filter_t *
ngx_openzaak_op_filters(ngx_openzaak_resource_t *res,
    ngx_openzaak_operation_t *op)
{
    if (op->filters) {
        return op->filters;
    }

    if (op->kind == NGX_OZ_OP_LIST && res->filters) {
        return res->filters;
    }

    return ngx_openzaak_no_filters;
}


/*
 * Checks the query of a list, read or action and collects the filters:
 * which have a condition (la->cond, their values in filter order) and
 * which the condition for their absence (la->absent), bit sets as long
 * as the operation has filters; the statement of that shape is sql.c's.
 * NGX_OK, NGX_DECLINED with ctx->errors set (400), or NGX_ERROR.
 */

ngx_int_t
ngx_openzaak_filter_parse(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la)
{
    ngx_int_t                     n;
    ngx_str_t                     name, reason, v;
    ngx_uint_t                    i, j, k, paginated, nfilters, ordering;
    ngx_flag_t                    done;
    const char                   *value;
    ngx_openzaak_sb_t             unknown;
    ngx_openzaak_arg_t           *arg, *a;
    ngx_openzaak_operation_t     *op;
    const ngx_openzaak_filter_t  *filters, *f;

    op = ctx->operation;
    filters = ngx_openzaak_op_filters(ctx->resource, op);
    paginated = (op->flags & NGX_OZ_OP_PAGINATED) != 0;

    la->page = 1;
    la->page_size = NGX_OPENZAAK_PAGE_SIZE;
    la->nvalues = 0;
    la->date = NULL;
    ngx_str_null(&la->order);

    /* a search takes its filters from the body, page and pageSize from
     * the query, whose other parameters it ignores, as Open Zaak does */
    la->body = (op->flags & NGX_OZ_OP_BODY) ? ctx->body : NULL;

    ordering = ctx->resource->orderings
               && (op->kind == NGX_OZ_OP_LIST || la->body);

    if (ngx_array_init(&la->args, ctx->request->pool, 8,
                       sizeof(ngx_openzaak_arg_t))
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    if (ngx_openzaak_args_parse(ctx, &la->args) != NGX_OK) {
        return NGX_ERROR;
    }

    /* unknown parameters, reported once each, in order of appearance */

    ngx_openzaak_sb_init(&unknown, ctx->request->pool, 128);
    arg = la->args.elts;

    for (i = 0; la->body == NULL && i < la->args.nelts; i++) {

        if (ordering && arg[i].key.len == 8
            && ngx_strncmp(arg[i].key.data, "ordering", 8) == 0)
        {
            continue;
        }

        if (paginated
            && ((arg[i].key.len == 4
                 && ngx_strncmp(arg[i].key.data, "page", 4) == 0)
                || (arg[i].key.len == 8
                    && ngx_strncmp(arg[i].key.data, "pageSize", 8) == 0)))
        {
            continue;
        }

        for (f = filters; f->name; f++) {
            if (ngx_strlen(f->name) == arg[i].key.len
                && ngx_strncmp(f->name, arg[i].key.data, arg[i].key.len) == 0)
            {
                break;
            }
        }

        if (f->name) {
            continue;
        }

        if (la->expand && arg[i].key.len == 6
            && ngx_strncmp(arg[i].key.data, "expand", 6) == 0)
        {
            /* ngx_openzaak_expand.c's */
            continue;
        }

        for (j = 0; j < i; j++) {
            if (arg[j].key.len == arg[i].key.len
                && ngx_strncmp(arg[j].key.data, arg[i].key.data,
                               arg[i].key.len) == 0)
            {
                break;
            }
        }

        if (j < i) {
            continue;
        }

        if (unknown.len) {
            ngx_openzaak_sb_add(&unknown, ", ");
        }

        /* echoed as sent: the problem document makes it valid UTF-8 */
        ngx_openzaak_sb_addn(&unknown, arg[i].key.data, arg[i].key.len);
    }

    if (unknown.failed) {
        return NGX_ERROR;
    }

    if (unknown.len) {
        ngx_str_set(&name, "nonFieldErrors");
        reason.data = unknown.data;
        reason.len = unknown.len;

        return ngx_openzaak_invalidf(ctx, &name, "unknown-parameters",
                                     "Onbekende query parameters: %V",
                                     &reason) == NGX_OK
               ? NGX_DECLINED : NGX_ERROR;
    }

    /* filters: all their errors are reported together */

    nfilters = 0;

    for (f = filters; f->name; f++) {
        nfilters++;
    }

    /* one allocation: the shape of a list compares and copies both */
    la->nwords = ngx_openzaak_bit_words(nfilters);

    la->cond = ngx_pcalloc(ctx->request->pool,
                           (2 * la->nwords + 1) * sizeof(uint64_t));
    la->values = ngx_palloc(ctx->request->pool,
                            (nfilters + 1) * sizeof(char *));

    if (la->cond == NULL || la->values == NULL) {
        return NGX_ERROR;
    }

    la->absent = la->cond + la->nwords;

    for (f = filters, k = 0; f->name; f++, k++) {
        done = 0;

        if (la->body) {
            n = ngx_openzaak_filter_body(ctx, f, la->body, &v, &done);

            if (n == NGX_ERROR) {
                return NGX_ERROR;
            }

            if (n == NGX_DECLINED) {
                continue;
            }

        } else {
            a = ngx_openzaak_args_get(&la->args, f->name);

            if (a) {
                v = a->value;

            } else {
                ngx_str_set(&v, "");
            }
        }

        if (v.len == 0) {
            if (f->absent_sql) {
                ngx_openzaak_bit_set(la->absent, k);
            }

            if (f->flags & NGX_OZ_FILTER_REQUIRED) {
                name.data = (u_char *) f->name;
                name.len = ngx_strlen(f->name);

                if (ngx_openzaak_invalidf(ctx, &name, "required",
                                          "Dit veld is verplicht.")
                    != NGX_OK)
                {
                    return NGX_ERROR;
                }
            }

            /* like django-filter: an empty value filters nothing */
            continue;
        }

        /* a value is text: never where libpq would end it, never what
         * PostgreSQL would refuse with its own words */

        n = ngx_openzaak_filter_text(ctx, f, &v);

        if (n == NGX_OK && f->check) {
            name.data = (u_char *) f->name;
            name.len = ngx_strlen(f->name);

            n = f->check(ctx, &name, &v);
        }

        if (n == NGX_ERROR) {
            return NGX_ERROR;
        }

        if (n != NGX_OK) {
            continue;
        }

        if (f->sql == NULL) {
            /* handled by the operation itself */
            continue;
        }

        if (done) {
            /* a search's value, converted item by item already */
            value = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &v);
            n = value ? NGX_OK : NGX_ERROR;

        } else {
            n = ngx_openzaak_filter_value(ctx, f, &v, &value,
                                          la->body != NULL);
        }

        if (n == NGX_ERROR) {
            return NGX_ERROR;
        }

        if (n == NGX_DECLINED) {
            continue;
        }

        if (f->flags & NGX_OZ_FILTER_DATE_REF) {
            la->date = value;
        }

        if (f->sql[0] == '\0') {
            /* a parameter that only sets the reference date */
            continue;
        }

        la->values[la->nvalues++] = value;
        ngx_openzaak_bit_set(la->cond, k);
    }

    if (ordering && ngx_openzaak_filter_ordering(ctx, la) != NGX_OK) {
        return NGX_ERROR;
    }

    if (ngx_openzaak_expand_validate(ctx, la) != NGX_OK) {
        return NGX_ERROR;
    }

    if (!paginated) {
        return ctx->errors ? NGX_DECLINED : NGX_OK;
    }

    /*
     * As DRF's PageNumberPagination: an invalid pageSize falls back to the
     * default and a large one is capped; a page that is no positive number
     * (or "last") is answered with 404 by the caller.
     */

    a = ngx_openzaak_args_get(&la->args, "pageSize");

    if (a && a->value.len) {
        n = ngx_atoi(a->value.data, a->value.len);

        if (n > 0) {
            la->page_size = ngx_min((ngx_uint_t) n,
                                    NGX_OPENZAAK_PAGE_SIZE_MAX);
        }
    }

    a = ngx_openzaak_args_get(&la->args, "page");

    if (a && a->value.len) {
        if (a->value.len == 4 && ngx_strncmp(a->value.data, "last", 4) == 0) {
            la->page = 0;

        } else {
            n = ngx_atoi(a->value.data, a->value.len);
            la->page = (n > 0) ? n : -1;
        }
    }

    /* a page whose first row no table can have: its OFFSET would not fit
     * PostgreSQL's bigint, and there is no such page */
    if (la->page > 1
        && (ngx_uint_t) (la->page - 1) > NGX_MAX_INT_T_VALUE / la->page_size)
    {
        la->page = -1;
    }

    return ctx->errors ? NGX_DECLINED : NGX_OK;
}


/*
 * What every filter value must be: UTF-8 (Django would have replaced the
 * rest, PostgreSQL refuses it), and without NUL for a text filter (as
 * Django's CharField refuses it; libpq would end the value there and
 * "%00" would match every row).  Other types refuse a NUL as they refuse
 * any character they do not expect.  NGX_DECLINED after an error.
 */

static ngx_int_t
ngx_openzaak_filter_text(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_filter_t *f, ngx_str_t *value)
{
    u_char     *p, *end;
    ngx_str_t   name;

    name.data = (u_char *) f->name;
    name.len = ngx_strlen(f->name);

    end = value->data + value->len;

    for (p = value->data; p < end; /* void */) {
        p = ngx_openzaak_utf8_next(p, end);

        if (p == NULL) {
            return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                         "Voer een geldige waarde in.")
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }
    }

    if (f->type == NGX_OZ_STRING
        && ngx_strlchr(value->data, end, '\0') != NULL)
    {
        return ngx_openzaak_invalidf(ctx, &name,
                                     "null_characters_not_allowed",
                                     NGX_OPENZAAK_MSG_NUL)
               == NGX_OK ? NGX_DECLINED : NGX_ERROR;
    }

    return NGX_OK;
}


/*
 * Validates and converts one filter value; NGX_DECLINED after an error.
 * The value of a search (body) is checked by Open Zaak's search
 * serializer first, whose texts differ from the filter form's.
 */

static ngx_int_t
ngx_openzaak_filter_value(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_filter_t *f, ngx_str_t *value, const char **out,
    ngx_flag_t body)
{
    ngx_str_t           name, uuid;
    ngx_int_t           rc;
    const char *const  *e;

    name.data = (u_char *) f->name;
    name.len = ngx_strlen(f->name);

    if ((f->flags & NGX_OZ_FILTER_CSV)
        && (f->type == NGX_OZ_UUID || f->type == NGX_OZ_REF))
    {
        return ngx_openzaak_filter_csv(ctx, f, value, out);
    }

    switch (f->type) {

    case NGX_OZ_BOOLEAN:
        if ((value->len == 4 && ngx_strncmp(value->data, "true", 4) == 0)
            || (value->len == 4 && ngx_strncmp(value->data, "True", 4) == 0)
            || (value->len == 1 && value->data[0] == '1'))
        {
            *out = "true";
            return NGX_OK;
        }

        if ((value->len == 5 && ngx_strncmp(value->data, "false", 5) == 0)
            || (value->len == 5 && ngx_strncmp(value->data, "False", 5) == 0)
            || (value->len == 1 && value->data[0] == '0'))
        {
            *out = "false";
            return NGX_OK;
        }

        if (body) {
            return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                         "Must be a valid boolean.")
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }

        goto invalid_choice;

    case NGX_OZ_ENUM:
        for (e = f->enums; *e; e++) {
            if (ngx_strlen(*e) == value->len
                && ngx_strncmp(*e, value->data, value->len) == 0)
            {
                break;
            }
        }

        if (*e == NULL) {
            goto invalid_choice;
        }

        break;

    case NGX_OZ_DATE:
        if (!ngx_openzaak_valid_date(value->data, value->len)) {
            return ngx_openzaak_invalidf(ctx, &name, "invalid",
                       body ? "Date heeft het verkeerde formaat, gebruik 1 "
                              "van deze formaten: YYYY-MM-DD."
                            : "Voer een geldige datum in.")
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }
        break;

    case NGX_OZ_URI:
        if (!ngx_openzaak_valid_url(value->data, value->len)) {
            return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                         "Voer een geldige URL in.")
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }
        break;

    case NGX_OZ_REF:
        if (!ngx_openzaak_valid_url(value->data, value->len)) {
            return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                         "Voer een geldige URL in.")
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }

        rc = ngx_openzaak_parse_ref(ctx, f->ref, value, &uuid);

        if (rc != NGX_OK) {
            /* a URL of something else matches nothing */
            *out = "00000000-0000-0000-0000-000000000000";
            return NGX_OK;
        }

        *out = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &uuid);
        return *out ? NGX_OK : NGX_ERROR;

    case NGX_OZ_UUID:
        if (!ngx_openzaak_is_uuid(value->data, value->len)) {
            return ngx_openzaak_invalidf(ctx, &name, "invalid",
                       body ? "Must be a valid UUID."
                            : "Voer een geldige UUID in.")
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }
        break;

    case NGX_OZ_INTEGER:
        /* Django's IntegerField on a PostgreSQL integer */
        rc = ngx_atoi(value->data, value->len);

        if (rc == NGX_ERROR || rc > NGX_OPENZAAK_INT32_MAX) {
            return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                         "Vul een geheel getal in.")
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }
        break;

    default:
        break;
    }

    *out = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, value);

    return *out ? NGX_OK : NGX_ERROR;

invalid_choice:

    if (body) {
        return ngx_openzaak_invalidf(ctx, &name, "invalid_choice",
                                     "\"%V\" is een ongeldige keuze.", value)
               == NGX_OK ? NGX_DECLINED : NGX_ERROR;
    }

    return ngx_openzaak_invalidf(ctx, &name, "invalid_choice",
                                 "Selecteer een geldige keuze. %V is geen "
                                 "beschikbare keuze.", value)
           == NGX_OK ? NGX_DECLINED : NGX_ERROR;
}


/*
 * A comma separated list of uuids, or of URLs of resources here (then
 * turned into their uuids; the URL of something else matches nothing):
 * every item checked, as django-filter's BaseCSVField cleans each one.
 */

static ngx_int_t
ngx_openzaak_filter_csv(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_filter_t *f, ngx_str_t *value, const char **out)
{
    u_char             *p, *end, *comma;
    ngx_str_t           name, item, uuid;
    ngx_openzaak_sb_t   sb;

    name.data = (u_char *) f->name;
    name.len = ngx_strlen(f->name);

    ngx_openzaak_sb_init(&sb, ctx->request->pool, value->len + 1);

    p = value->data;
    end = value->data + value->len;

    while (p <= end) {
        comma = ngx_strlchr(p, end, ',');
        if (comma == NULL) {
            comma = end;
        }

        item.data = p;
        item.len = comma - p;
        p = comma + 1;

        if (f->type == NGX_OZ_UUID) {
            if (!ngx_openzaak_is_uuid(item.data, item.len)) {
                return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                             "Voer een geldige UUID in.")
                       == NGX_OK ? NGX_DECLINED : NGX_ERROR;
            }

            uuid = item;

        } else {
            if (!ngx_openzaak_valid_url(item.data, item.len)) {
                return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                             "Voer een geldige URL in.")
                       == NGX_OK ? NGX_DECLINED : NGX_ERROR;
            }

            if (ngx_openzaak_parse_ref(ctx, f->ref, &item, &uuid) != NGX_OK) {
                ngx_str_set(&uuid, "00000000-0000-0000-0000-000000000000");
            }
        }

        if (sb.len) {
            ngx_openzaak_sb_add(&sb, ",");
        }

        ngx_openzaak_sb_addn(&sb, uuid.data, uuid.len);
    }

    if (ngx_openzaak_sb_str(&sb, &item) != NGX_OK) {
        return NGX_ERROR;
    }

    *out = (char *) item.data;

    return NGX_OK;
}


/*
 * The value of filter f in a search's body, as the query would give it:
 * a string, a number or boolean as text; for a list filter (CSV) an
 * array, each item checked as Open Zaak's ListField does and the items
 * joined (*done: the value is final); for a geometry filter an object
 * with a GeoJSON "within".  An empty value: absent.  NGX_DECLINED after
 * an error.
 */

static ngx_int_t
ngx_openzaak_filter_body(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_filter_t *f, json_object *body, ngx_str_t *value,
    ngx_flag_t *done)
{
    size_t              i, n;
    ngx_str_t           name, iname, s, uuid;
    ngx_uint_t          bad;
    const char         *unused;
    json_object        *v, *item;
    ngx_openzaak_sb_t   sb;

    ngx_str_set(value, "");
    bad = 0;

    name.data = (u_char *) f->name;
    name.len = ngx_strlen(f->name);

    if (!json_object_object_get_ex(body, f->name, &v) || v == NULL) {
        return NGX_OK;
    }

    if (f->type == NGX_OZ_GEOMETRY) {
        if (!json_object_is_type(v, json_type_object)) {
            iname.len = name.len + sizeof(".nonFieldErrors") - 1;
            iname.data = ngx_pnalloc(ctx->request->pool, iname.len);
            if (iname.data == NULL) {
                return NGX_ERROR;
            }

            ngx_sprintf(iname.data, "%V.nonFieldErrors", &name);

            return ngx_openzaak_invalidf(ctx, &iname, "invalid",
                                         "Ongeldige data. Verwacht een "
                                         "dictionary, kreeg een %s.",
                                         ngx_openzaak_json_type_name(v))
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }

        if (!json_object_object_get_ex(v, "within", &item) || item == NULL) {
            return NGX_OK;
        }

        if (!ngx_openzaak_valid_geojson(item, 0)) {
            iname.len = name.len + sizeof(".within") - 1;
            iname.data = ngx_pnalloc(ctx->request->pool, iname.len);
            if (iname.data == NULL) {
                return NGX_ERROR;
            }

            ngx_sprintf(iname.data, "%V.within", &name);

            return ngx_openzaak_invalidf(ctx, &iname, "invalid",
                                         NGX_OPENZAAK_MSG_GEOMETRY)
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }

        *done = 1;

        return ngx_openzaak_json_to_str(ctx->request->pool, item, value);
    }

    if (!(f->flags & NGX_OZ_FILTER_CSV)) {

        switch (json_object_get_type(v)) {

        case json_type_string:
            value->data = (u_char *) json_object_get_string(v);
            value->len = json_object_get_string_len(v);
            return NGX_OK;

        case json_type_boolean:
            if (f->type == NGX_OZ_BOOLEAN) {
                if (json_object_get_boolean(v)) {
                    ngx_str_set(value, "true");

                } else {
                    ngx_str_set(value, "false");
                }

                return NGX_OK;
            }

            break;

        case json_type_int:
        case json_type_double:
            if (f->type != NGX_OZ_DATE && f->type != NGX_OZ_UUID) {
                /* DRF's fields take numbers as their text */
                value->data = (u_char *) json_object_get_string(v);
                value->len = ngx_strlen(value->data);
                return NGX_OK;
            }

            break;

        default:
            break;
        }

        switch (f->type) {

        case NGX_OZ_BOOLEAN:
        case NGX_OZ_ENUM:
        case NGX_OZ_DATE:
        case NGX_OZ_UUID:
            /* the type's own error, as for a string it cannot read */
            s.data = (u_char *) json_object_to_json_string_ext(v,
                                                   JSON_C_TO_STRING_PLAIN);
            s.len = ngx_strlen(s.data);

            if (ngx_openzaak_filter_value(ctx, f, &s, &unused, 1)
                == NGX_ERROR)
            {
                return NGX_ERROR;
            }

            return NGX_DECLINED;

        default:
            return ngx_openzaak_invalidf(ctx, &name, "invalid",
                                         "Not a valid string.")
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }
    }

    /* a list: DRF's ListField, whose item errors are named "f." (item 0:
     * the flattening of Open Zaak leaves the index 0 out), "f.1", ... */

    if (!json_object_is_type(v, json_type_array)) {
        return ngx_openzaak_invalidf(ctx, &name, "not_a_list",
                                     "Verwachtte een lijst met items, maar "
                                     "kreeg type \"%s\".",
                                     ngx_openzaak_json_type_name(v))
               == NGX_OK ? NGX_DECLINED : NGX_ERROR;
    }

    n = json_object_array_length(v);

    ngx_openzaak_sb_init(&sb, ctx->request->pool, 40 * n + 1);

    for (i = 0; i < n; i++) {
        item = json_object_array_get_idx(v, i);

        if (ngx_openzaak_item_name(ctx, f->name, i, &iname) != NGX_OK) {
            return NGX_ERROR;
        }

        if (!json_object_is_type(item, json_type_string)) {
            if (ngx_openzaak_invalidf(ctx, &iname, "invalid",
                                      f->type == NGX_OZ_UUID
                                      ? "Must be a valid UUID."
                                      : "Not a valid string.")
                != NGX_OK)
            {
                return NGX_ERROR;
            }

            bad++;
            continue;
        }

        s.data = (u_char *) json_object_get_string(item);
        s.len = json_object_get_string_len(item);

        if (f->type == NGX_OZ_UUID) {
            if (!ngx_openzaak_is_uuid(s.data, s.len)) {
                if (ngx_openzaak_invalidf(ctx, &iname, "invalid",
                                          "Must be a valid UUID.")
                    != NGX_OK)
                {
                    return NGX_ERROR;
                }

                bad++;
                continue;
            }

        } else if (f->type == NGX_OZ_REF) {
            if (!ngx_openzaak_valid_url(s.data, s.len)) {
                if (ngx_openzaak_invalidf(ctx, &iname, "invalid",
                                          "Voer een geldige URL in.")
                    != NGX_OK)
                {
                    return NGX_ERROR;
                }

                bad++;
                continue;
            }

            if (ngx_openzaak_parse_ref(ctx, f->ref, &s, &uuid) != NGX_OK) {
                ngx_str_set(&uuid, "00000000-0000-0000-0000-000000000000");
            }

            s = uuid;
        }

        if (sb.len) {
            ngx_openzaak_sb_add(&sb, ",");
        }

        ngx_openzaak_sb_addn(&sb, s.data, s.len);
    }

    if (sb.failed) {
        return NGX_ERROR;
    }

    if (bad) {
        return NGX_DECLINED;
    }

    if (sb.len == 0) {
        /* as django-filter, an empty list filters nothing */
        return NGX_OK;
    }

    *done = (f->type == NGX_OZ_UUID || f->type == NGX_OZ_REF);

    value->data = sb.data;
    value->len = sb.len;

    return NGX_OK;
}


/* "name." for item 0 (Open Zaak's flattening drops the index 0), then
 * "name.1", "name.2", ... */

static ngx_int_t
ngx_openzaak_item_name(ngx_openzaak_ctx_t *ctx, const char *name, size_t i,
    ngx_str_t *out)
{
    u_char  *p;
    size_t   len;

    len = ngx_strlen(name);

    out->data = ngx_pnalloc(ctx->request->pool, len + 1 + NGX_SIZE_T_LEN);
    if (out->data == NULL) {
        return NGX_ERROR;
    }

    if (i == 0) {
        p = ngx_sprintf(out->data, "%s.", name);

    } else {
        p = ngx_sprintf(out->data, "%s.%uz", name, i);
    }

    out->len = p - out->data;

    return NGX_OK;
}


/*
 * "ordering", as django-filter's OrderingFilter: fields separated by
 * commas, each with "-" for descending; in a search's body an array.
 * la->order becomes the ORDER BY list, which always ends with the newest
 * row first (t.id DESC), so that equal values keep a stable order.
 */

static ngx_int_t
ngx_openzaak_filter_ordering(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la)
{
    u_char                         *p, *end, *comma;
    size_t                          i, n;
    ngx_str_t                       name, item, iname;
    ngx_flag_t                      desc;
    json_object                    *v, *it;
    ngx_openzaak_sb_t               sb;
    ngx_openzaak_arg_t             *a;
    const ngx_openzaak_ordering_t  *o;

    ngx_str_set(&name, "ordering");
    ngx_openzaak_sb_init(&sb, ctx->request->pool, 128);

    v = NULL;
    n = 0;
    p = NULL;
    end = NULL;

    if (la->body) {
        if (!json_object_object_get_ex(la->body, "ordering", &v)
            || v == NULL)
        {
            return NGX_OK;
        }

        if (!json_object_is_type(v, json_type_array)) {
            return ngx_openzaak_invalidf(ctx, &name, "not_a_list",
                                         "Verwachtte een lijst met items, "
                                         "maar kreeg type \"%s\".",
                                         ngx_openzaak_json_type_name(v));
        }

        n = json_object_array_length(v);

    } else {
        a = ngx_openzaak_args_get(&la->args, "ordering");

        if (a == NULL || a->value.len == 0) {
            return NGX_OK;
        }

        p = a->value.data;
        end = a->value.data + a->value.len;
    }

    for (i = 0; la->body ? i < n : p <= end; i++) {

        if (la->body) {
            it = json_object_array_get_idx(v, i);

            if (it && json_object_is_type(it, json_type_string)) {
                item.data = (u_char *) json_object_get_string(it);
                item.len = json_object_get_string_len(it);

            } else {
                item.data = (u_char *) json_object_to_json_string_ext(it,
                                                   JSON_C_TO_STRING_PLAIN);
                item.len = ngx_strlen(item.data);
            }

        } else {
            comma = ngx_strlchr(p, end, ',');
            if (comma == NULL) {
                comma = end;
            }

            item.data = p;
            item.len = comma - p;
            p = comma + 1;

            if (item.len == 0) {
                continue;
            }
        }

        desc = (item.len > 1 && item.data[0] == '-');

        for (o = ctx->resource->orderings; o->name; o++) {
            if (ngx_strlen(o->name) == item.len - desc
                && ngx_strncmp(o->name, item.data + desc, item.len - desc)
                   == 0)
            {
                break;
            }
        }

        if (o->name == NULL) {
            if (la->body) {
                if (ngx_openzaak_item_name(ctx, "ordering", i, &iname)
                    != NGX_OK
                    || ngx_openzaak_invalidf(ctx, &iname, "invalid_choice",
                                             "\"%V\" is een ongeldige keuze.",
                                             &item)
                       != NGX_OK)
                {
                    return NGX_ERROR;
                }

            } else if (ngx_openzaak_invalidf(ctx, &name, "invalid_choice",
                                             "Selecteer een geldige keuze. "
                                             "%V is geen beschikbare keuze.",
                                             &item)
                       != NGX_OK)
            {
                return NGX_ERROR;
            }

            continue;
        }

        ngx_openzaak_sb_addf(&sb, "%s%s", o->sql, desc ? " DESC, " : ", ");
    }

    if (sb.len == 0) {
        return sb.failed ? NGX_ERROR : NGX_OK;
    }

    ngx_openzaak_sb_add(&sb, "t.id DESC");

    return ngx_openzaak_sb_str(&sb, &la->order);
}


/*
 * The query string split into decoded key/value pairs.  '+' is a space,
 * as in HTML forms and Django.
 */

static ngx_int_t
ngx_openzaak_args_parse(ngx_openzaak_ctx_t *ctx, ngx_array_t *args)
{
    u_char              *p, *end, *amp, *eq;
    ngx_openzaak_arg_t  *a;
    ngx_http_request_t  *r;

    r = ctx->request;

    if (r->args.len == 0) {
        /* args.data may be NULL: no pointer arithmetic on it */
        return NGX_OK;
    }

    p = r->args.data;
    end = r->args.data + r->args.len;

    while (p < end) {
        amp = ngx_strlchr(p, end, '&');
        if (amp == NULL) {
            amp = end;
        }

        if (amp == p) {
            p++;
            continue;
        }

        eq = ngx_strlchr(p, amp, '=');

        a = ngx_array_push(args);
        if (a == NULL) {
            return NGX_ERROR;
        }

        if (ngx_openzaak_unescape(r->pool, p, (eq ? eq : amp) - p, &a->key)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

        if (eq) {
            if (ngx_openzaak_unescape(r->pool, eq + 1, amp - eq - 1,
                                      &a->value)
                != NGX_OK)
            {
                return NGX_ERROR;
            }

        } else {
            ngx_str_set(&a->value, "");
        }

        p = amp + 1;
    }

    return NGX_OK;
}


static ngx_int_t
ngx_openzaak_unescape(ngx_pool_t *pool, u_char *p, size_t len, ngx_str_t *out)
{
    u_char  *src, *dst, *tmp;
    size_t   i;

    tmp = ngx_pnalloc(pool, len + 1);
    out->data = ngx_pnalloc(pool, len + 1);

    if (tmp == NULL || out->data == NULL) {
        return NGX_ERROR;
    }

    for (i = 0; i < len; i++) {
        tmp[i] = (p[i] == '+') ? ' ' : p[i];
    }

    src = tmp;
    dst = out->data;
    ngx_unescape_uri(&dst, &src, len, 0);

    out->len = dst - out->data;
    out->data[out->len] = '\0';

    return NGX_OK;
}


/* The last value of a repeated parameter wins, as in Django. */

static ngx_openzaak_arg_t *
ngx_openzaak_args_get(ngx_array_t *args, const char *name)
{
    size_t               len;
    ngx_int_t            i;
    ngx_openzaak_arg_t  *a;

    len = ngx_strlen(name);
    a = args->elts;

    for (i = (ngx_int_t) args->nelts - 1; i >= 0; i--) {
        if (a[i].key.len == len && ngx_strncmp(a[i].key.data, name, len) == 0)
        {
            return &a[i];
        }
    }

    return NULL;
}


/*
 * The URL of another page: the request URL with "page" replaced, or
 * removed for page 1, and the parameters sorted by name and re-encoded,
 * which is what DRF's replace_query_param and remove_query_param produce.
 */

ngx_int_t
ngx_openzaak_page_url(ngx_openzaak_ctx_t *ctx, ngx_openzaak_list_args_t *la,
    ngx_int_t page, ngx_str_t *out)
{
    u_char              *p;
    ngx_uint_t           i, j, n;
    ngx_openzaak_sb_t    sb;
    ngx_openzaak_arg_t  *a, **sorted, *t, pagearg;
    ngx_http_request_t  *r;
    u_char               pagebuf[NGX_INT_T_LEN];

    r = ctx->request;
    a = la->args.elts;

    sorted = ngx_palloc(r->pool, (la->args.nelts + 1) * sizeof(void *));
    if (sorted == NULL) {
        return NGX_ERROR;
    }

    n = 0;

    for (i = 0; i < la->args.nelts; i++) {
        if (a[i].key.len == 4 && ngx_strncmp(a[i].key.data, "page", 4) == 0) {
            continue;
        }
        sorted[n++] = &a[i];
    }

    if (page != 1) {
        p = ngx_sprintf(pagebuf, "%i", page);
        ngx_str_set(&pagearg.key, "page");
        pagearg.value.data = pagebuf;
        pagearg.value.len = p - pagebuf;
        sorted[n++] = &pagearg;
    }

    /* insertion sort, stable: repeated names keep their order */

    for (i = 1; i < n; i++) {
        for (j = i; j > 0
                    && ngx_memn2cmp(sorted[j - 1]->key.data,
                                    sorted[j]->key.data,
                                    sorted[j - 1]->key.len,
                                    sorted[j]->key.len) > 0;
             j--)
        {
            t = sorted[j];
            sorted[j] = sorted[j - 1];
            sorted[j - 1] = t;
        }
    }

    ngx_openzaak_sb_init(&sb, r->pool, 256);
    ngx_openzaak_sb_addn(&sb, ctx->base.data, ctx->base.len);
    ngx_openzaak_sb_addn(&sb, ctx->api->root.data, ctx->api->root.len);
    ngx_openzaak_sb_addn(&sb, ctx->path.data, ctx->path.len);

    for (i = 0; i < n; i++) {
        ngx_openzaak_sb_add(&sb, i ? "&" : "?");
        ngx_openzaak_quote_plus(&sb, &sorted[i]->key);
        ngx_openzaak_sb_add(&sb, "=");
        ngx_openzaak_quote_plus(&sb, &sorted[i]->value);
    }

    return ngx_openzaak_sb_str(&sb, out);
}


/* Python's urllib.parse.quote_plus. */

static void
ngx_openzaak_quote_plus(ngx_openzaak_sb_t *sb, ngx_str_t *s)
{
    u_char          c, buf[3];
    size_t          i;
    static u_char   hex[] = "0123456789ABCDEF";

    for (i = 0; i < s->len; i++) {
        c = s->data[i];

        if (ngx_openzaak_isalnum(c)
            || c == '_' || c == '.' || c == '-' || c == '~')
        {
            ngx_openzaak_sb_addn(sb, &c, 1);
            continue;
        }

        if (c == ' ') {
            ngx_openzaak_sb_add(sb, "+");
            continue;
        }

        buf[0] = '%';
        buf[1] = hex[c >> 4];
        buf[2] = hex[c & 0x0f];
        ngx_openzaak_sb_addn(sb, buf, 3);
    }
}
