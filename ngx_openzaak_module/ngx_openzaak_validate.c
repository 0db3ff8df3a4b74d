/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Request body validation against a resource descriptor.
 *
 * Follows Django REST framework as Open Zaak runs it: every field is
 * checked and all field errors are reported together, in declaration
 * order, with DRF's codes and Open Zaak's Dutch messages; unknown and
 * read-only keys are ignored.  The output is the normalised write: a JSON
 * object keyed by SQL column (the main row), JSON objects keyed by JSON
 * name for gegevensgroepen kept as jsonb, and rows for child tables.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


typedef enum {
    NGX_OPENZAAK_KEY_COLUMN = 0,
    NGX_OPENZAAK_KEY_JSON
} ngx_openzaak_keymode_e;


#define NGX_OZ_MSG_REQUIRED  "Dit veld is verplicht."
#define NGX_OZ_MSG_NULL      "Dit veld mag niet leeg zijn."
#define NGX_OZ_MSG_BLANK     "Dit veld mag niet leeg zijn."


static ngx_int_t ngx_openzaak_validate_fields(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w, const ngx_openzaak_field_t *fields,
    json_object *in, json_object *out, ngx_str_t *prefix,
    ngx_openzaak_keymode_e keymode, ngx_uint_t pass, const char *variant);
static json_object *ngx_openzaak_validate_value(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w, const ngx_openzaak_field_t *f, json_object *v,
    ngx_str_t *name);
static json_object *ngx_openzaak_validate_array(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w, const ngx_openzaak_field_t *f, json_object *v,
    ngx_str_t *name);
static json_object *ngx_openzaak_validate_item_object(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w, const ngx_openzaak_field_t *item,
    json_object *v, ngx_str_t *name, ngx_openzaak_keymode_e keymode);
static json_object *ngx_openzaak_validate_string(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_field_t *f, json_object *v, ngx_str_t *name);
static json_object *ngx_openzaak_validate_integer(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_field_t *f, json_object *v, ngx_str_t *name);
static ngx_int_t ngx_openzaak_parse_int(u_char *p, size_t len,
    int64_t *out);
static ngx_int_t ngx_openzaak_err(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    const char *code, const char *reason);
static ngx_int_t ngx_openzaak_name(ngx_openzaak_ctx_t *ctx, ngx_str_t *prefix,
    const char *name, ngx_str_t *out);
static json_object *ngx_openzaak_default(const ngx_openzaak_field_t *f);
static ngx_flag_t ngx_openzaak_valid_datetime(u_char *p, size_t len);
static ngx_flag_t ngx_openzaak_valid_coords(json_object *c,
    ngx_uint_t depth);
static ngx_flag_t ngx_openzaak_ref_local(ngx_openzaak_ctx_t *ctx,
    const char *ref, ngx_str_t *url);
static ngx_flag_t ngx_openzaak_snake_get(json_object *in, const char *name,
    json_object **v);
static const char *ngx_openzaak_validate_variant(
    const ngx_openzaak_field_t *fields, json_object *out,
    ngx_openzaak_keymode_e keymode);


ngx_int_t
ngx_openzaak_validate_body(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    ngx_str_t    prefix, name;
    ngx_pool_t  *pool;
    const char  *variant;

    pool = ctx->request->pool;

    w->row = json_object_new_object();
    w->children = json_object_new_object();

    if (w->row == NULL || w->children == NULL
        || ngx_openzaak_json_cleanup(pool, w->row) != NGX_OK
        || ngx_openzaak_json_cleanup(pool, w->children) != NGX_OK)
    {
        return NGX_ERROR;
    }

    if (!json_object_is_type(w->input, json_type_object)) {
        ngx_str_set(&name, "nonFieldErrors");
        (void) ngx_openzaak_invalidf(ctx, &name, "invalid",
                                     "Ongeldige data. Verwacht een "
                                     "dictionary, kreeg een %s.",
                                     ngx_openzaak_json_type_name(w->input));
        return NGX_DECLINED;
    }

    ngx_str_null(&prefix);

    if (ngx_openzaak_validate_fields(ctx, w, ctx->resource->fields, w->input,
                                     w->row, &prefix, NGX_OPENZAAK_KEY_COLUMN,
                                     0, NULL)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    /*
     * A polymorphic resource (rol by betrokkeneType, zaakobject by
     * objectType): the fields of the variant the body names, once the
     * base fields are valid, as DRF's polymorphic serializer does.  A
     * partial update that does not name the variant leaves its fields
     * alone: which variant is stored is not known before the batch.
     */

    if (ctx->errors == NULL) {
        variant = ngx_openzaak_validate_variant(ctx->resource->fields,
                                                w->row,
                                                NGX_OPENZAAK_KEY_COLUMN);

        if (variant
            && ngx_openzaak_validate_fields(ctx, w, ctx->resource->fields,
                                            w->input, w->row, &prefix,
                                            NGX_OPENZAAK_KEY_COLUMN, 1,
                                            variant)
               != NGX_OK)
        {
            return NGX_ERROR;
        }
    }

    return ctx->errors ? NGX_DECLINED : NGX_OK;
}


/* the discriminator value of a validated object, or NULL */

static const char *
ngx_openzaak_validate_variant(const ngx_openzaak_field_t *fields,
    json_object *out, ngx_openzaak_keymode_e keymode)
{
    json_object                 *dv;
    const ngx_openzaak_field_t  *f;

    for (f = fields; f->name; f++) {
        if (!(f->flags & NGX_OZ_DISCRIMINATOR)) {
            continue;
        }

        if (json_object_object_get_ex(out,
                keymode == NGX_OPENZAAK_KEY_COLUMN ? f->column : f->name,
                &dv)
            && json_object_is_type(dv, json_type_string))
        {
            return json_object_get_string(dv);
        }

        return NULL;
    }

    return NULL;
}


/*
 * pass 0: fields without variants (and the discriminator), pass 1: the
 * fields of "variant" only.  DRF validates the polymorphic part only once
 * the base fields are valid; the caller sequences the passes.
 */

static ngx_int_t
ngx_openzaak_validate_fields(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w,
    const ngx_openzaak_field_t *fields, json_object *in, json_object *out,
    ngx_str_t *prefix, ngx_openzaak_keymode_e keymode, ngx_uint_t pass,
    const char *variant)
{
    ngx_str_t                    name;
    json_object                 *v, *nv;
    const char                  *key;
    const ngx_openzaak_field_t  *f;

    for (f = fields; f->name; f++) {

        if (f->flags & NGX_OZ_READONLY) {
            continue;
        }

        if (pass == 0 && f->variants) {
            continue;
        }

        if (pass == 1 && (f->variants == NULL
                          || !ngx_openzaak_word_in(f->variants, variant)))
        {
            continue;
        }

        if (keymode == NGX_OPENZAAK_KEY_COLUMN && f->column == NULL
            && !(f->type == NGX_OZ_ARRAY && f->child))
        {
            /* derived output-only field */
            continue;
        }

        if (ngx_openzaak_name(ctx, prefix, f->name, &name) != NGX_OK) {
            return NGX_ERROR;
        }

        key = (keymode == NGX_OPENZAAK_KEY_COLUMN) ? f->column : f->name;

        if (!json_object_object_get_ex(in, f->name, &v)
            && !ngx_openzaak_snake_get(in, f->name, &v))
        {

            if (w->kind != NGX_OZ_OP_PATCH && (f->flags & NGX_OZ_REQUIRED)) {
                if (ngx_openzaak_err(ctx, &name, "required",
                                     NGX_OZ_MSG_REQUIRED)
                    != NGX_OK)
                {
                    return NGX_ERROR;
                }
                continue;
            }

            /* on create an absent field gets its default; PUT and PATCH
             * keep the stored value, as DRF does */

            if (w->kind == NGX_OZ_OP_CREATE && key
                && !(f->type == NGX_OZ_ARRAY && f->child))
            {
                json_object_object_add(out, key, ngx_openzaak_default(f));
            }

            continue;
        }

        /* DRF turns "" into None before it validates a hyperlink */
        if (json_object_is_type(v, json_type_null)
            || (f->type == NGX_OZ_REF
                && json_object_is_type(v, json_type_string)
                && json_object_get_string_len(v) == 0))
        {
            if (f->flags & NGX_OZ_NULLABLE) {
                if (key) {
                    json_object_object_add(out, key, NULL);
                }
                continue;
            }

            if (ngx_openzaak_err(ctx, &name, "null", NGX_OZ_MSG_NULL)
                != NGX_OK)
            {
                return NGX_ERROR;
            }
            continue;
        }

        nv = ngx_openzaak_validate_value(ctx, w, f, v, &name);

        if (nv == NULL) {
            /* an error was recorded (or we ran out of memory) */
            if (ctx->errors == NULL) {
                return NGX_ERROR;
            }
            continue;
        }

        if (f->type == NGX_OZ_ARRAY && f->child
            && keymode == NGX_OPENZAAK_KEY_COLUMN)
        {
            json_object_object_add(w->children, f->name, nv);
            continue;
        }

        json_object_object_add(out, key, nv);
    }

    return NGX_OK;
}


/* A validated value, or NULL after recording an error. */

static json_object *
ngx_openzaak_validate_value(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w,
    const ngx_openzaak_field_t *f, json_object *v, ngx_str_t *name)
{
    int64_t                      n;
    ngx_str_t                    s, uuid, url;
    ngx_int_t                    rc;
    json_object                 *out;
    const char *const           *e;

    switch (f->type) {

    case NGX_OZ_STRING:
        return ngx_openzaak_validate_string(ctx, f, v, name);

    case NGX_OZ_BOOLEAN:
        if (json_object_is_type(v, json_type_boolean)) {
            return json_object_new_boolean(json_object_get_boolean(v));
        }

        if (json_object_is_type(v, json_type_int)) {
            n = json_object_get_int64(v);
            if (n == 0 || n == 1) {
                return json_object_new_boolean(n == 1);
            }

        } else if (json_object_is_type(v, json_type_string)) {
            s.data = (u_char *) json_object_get_string(v);
            s.len = json_object_get_string_len(v);

#define ngx_openzaak_is(lit)                                                 \
            (s.len == sizeof(lit) - 1                                        \
             && ngx_strncasecmp(s.data, (u_char *) lit, s.len) == 0)

            if (ngx_openzaak_is("true") || ngx_openzaak_is("t")
                || ngx_openzaak_is("yes") || ngx_openzaak_is("y")
                || ngx_openzaak_is("on") || ngx_openzaak_is("1"))
            {
                return json_object_new_boolean(1);
            }

            if (ngx_openzaak_is("false") || ngx_openzaak_is("f")
                || ngx_openzaak_is("no") || ngx_openzaak_is("n")
                || ngx_openzaak_is("off") || ngx_openzaak_is("0"))
            {
                return json_object_new_boolean(0);
            }

#undef ngx_openzaak_is
        }

        (void) ngx_openzaak_err(ctx, name, "invalid",
                                "Must be a valid boolean.");
        return NULL;

    case NGX_OZ_INTEGER:
        return ngx_openzaak_validate_integer(ctx, f, v, name);

    case NGX_OZ_DATE:
    case NGX_OZ_DATETIME:
    case NGX_OZ_DURATION:
    case NGX_OZ_UUID:
        if (!json_object_is_type(v, json_type_string)) {
            goto invalid_format;
        }

        s.data = (u_char *) json_object_get_string(v);
        s.len = json_object_get_string_len(v);

        if (f->type == NGX_OZ_DATE && ngx_openzaak_valid_date(s.data, s.len))
        {
            return json_object_new_string_len((char *) s.data, s.len);
        }

        if (f->type == NGX_OZ_DATETIME
            && ngx_openzaak_valid_datetime(s.data, s.len))
        {
            return json_object_new_string_len((char *) s.data, s.len);
        }

        if (f->type == NGX_OZ_DURATION
            && ngx_openzaak_valid_duration(s.data, s.len))
        {
            if (f->check && f->check(ctx, name, &s) != NGX_OK) {
                return NULL;
            }

            return json_object_new_string_len((char *) s.data, s.len);
        }

        if (f->type == NGX_OZ_UUID && ngx_openzaak_is_uuid(s.data, s.len)) {
            return json_object_new_string_len((char *) s.data, s.len);
        }

    invalid_format:

        switch (f->type) {
        case NGX_OZ_DATE:
            (void) ngx_openzaak_err(ctx, name, "invalid",
                                    "Date heeft het verkeerde formaat, "
                                    "gebruik 1 van deze formaten: "
                                    "YYYY-MM-DD.");
            break;
        case NGX_OZ_DATETIME:
            (void) ngx_openzaak_err(ctx, name, "invalid",
                                    "Datetime heeft een ongeldig formaat, "
                                    "gebruik 1 van de volgende formaten: "
                                    "YYYY-MM-DDThh:mm[:ss[.uuuuuu]]"
                                    "[+HH:MM|-HH:MM|Z].");
            break;
        case NGX_OZ_DURATION:
            (void) ngx_openzaak_err(ctx, name, "invalid",
                                    "Tijdsduur heeft een verkeerd formaat, "
                                    "gebruik 1 van onderstaande formaten: "
                                    "P(n)Y(n)M(n)D.");
            break;
        default:
            (void) ngx_openzaak_err(ctx, name, "invalid",
                                    "Must be a valid UUID.");
            break;
        }
        return NULL;

    case NGX_OZ_URI:
        out = ngx_openzaak_validate_string(ctx, f, v, name);
        if (out == NULL) {
            return NULL;
        }

        s.data = (u_char *) json_object_get_string(out);
        s.len = json_object_get_string_len(out);

        if (s.len && !ngx_openzaak_valid_url(s.data, s.len)) {
            json_object_put(out);
            (void) ngx_openzaak_err(ctx, name, "invalid",
                                    "Voer een geldige URL in.");
            return NULL;
        }

        return out;

    case NGX_OZ_ENUM:
        if (json_object_is_type(v, json_type_string)) {
            s.data = (u_char *) json_object_get_string(v);
            s.len = json_object_get_string_len(v);

            if (s.len == 0 && (f->flags & (NGX_OZ_ENUM_BLANK|NGX_OZ_BLANK))) {
                return json_object_new_string("");
            }

            for (e = f->enums; *e; e++) {
                if (ngx_strlen(*e) == s.len
                    && ngx_strncmp(*e, s.data, s.len) == 0)
                {
                    return json_object_new_string_len((char *) s.data, s.len);
                }
            }

        } else {
            s.data = (u_char *) json_object_get_string(v);
            s.len = ngx_strlen(s.data);
        }

        (void) ngx_openzaak_invalidf(ctx, name, "invalid_choice",
                                     "\"%V\" is een ongeldige keuze.", &s);
        return NULL;

    case NGX_OZ_REF:
        if (!json_object_is_type(v, json_type_string)) {
            (void) ngx_openzaak_invalidf(ctx, name, "incorrect_type",
                                         "Ongeldig type. Verwacht een URL, "
                                         "ontving %s.",
                                         ngx_openzaak_json_type_name(v));
            return NULL;
        }

        url.data = (u_char *) json_object_get_string(v);
        url.len = json_object_get_string_len(v);

        if (url.len == 0) {
            /* DRF turns "" into None before validating a hyperlink; a
             * field that may be null never gets here with "" (an item of
             * a list may not be null) */
            (void) ngx_openzaak_err(ctx, name, "null", NGX_OZ_MSG_NULL);
            return NULL;
        }

        if (f->max_length && url.len > f->max_length) {
            (void) ngx_openzaak_invalidf(ctx, name, "max_length",
                                         "Dit veld mag niet meer dan %ui "
                                         "karakters bevatten.",
                                         f->max_length);
            return NULL;
        }

        if (!ngx_openzaak_ref_local(ctx, f->ref, &url)) {
            /*
             * A reference into another API is a "loose" one in Open Zaak:
             * a URL elsewhere would be fetched from a configured service.
             * The types of this server live in its own database, so a
             * URL of another server names no service the module knows.
             */
            if (!ngx_openzaak_valid_url(url.data, url.len)) {
                (void) ngx_openzaak_err(ctx, name, "bad-url",
                                        "Voer een geldige URL in.");
                return NULL;
            }

            (void) ngx_openzaak_err(ctx, name, "unknown-service",
                                    "De service voor deze URL is niet "
                                    "bekend.");
            return NULL;
        }

        rc = ngx_openzaak_parse_ref(ctx, f->ref, &url, &uuid);

        if (rc == NGX_OK) {
            return json_object_new_string_len((char *) uuid.data, uuid.len);
        }

        if (rc == NGX_ABORT) {
            (void) ngx_openzaak_err(ctx, name, "incorrect_match",
                                    "Ongeldige hyperlink - Ongeldige URL");
            return NULL;
        }

        (void) ngx_openzaak_err(ctx, name, "no_match",
                                "Ongeldige hyperlink - Geen overeenkomende "
                                "URL.");
        return NULL;

    case NGX_OZ_OBJECT:
        if (!json_object_is_type(v, json_type_object)) {
            ngx_str_t  nf;

            if (ngx_openzaak_name(ctx, name, "nonFieldErrors", &nf)
                != NGX_OK)
            {
                return NULL;
            }

            (void) ngx_openzaak_invalidf(ctx, &nf, "invalid",
                                         "Ongeldige data. Verwacht een "
                                         "dictionary, kreeg een %s.",
                                         ngx_openzaak_json_type_name(v));
            return NULL;
        }

        return ngx_openzaak_validate_item_object(ctx, w, f, v, name,
                                                 NGX_OPENZAAK_KEY_JSON);

    case NGX_OZ_ARRAY:
        return ngx_openzaak_validate_array(ctx, w, f, v, name);

    case NGX_OZ_ANY:
        return json_object_get(v);

    case NGX_OZ_GEOMETRY:
        if (!ngx_openzaak_valid_geojson(v, 0)) {
            (void) ngx_openzaak_err(ctx, name, "invalid",
                                    NGX_OPENZAAK_MSG_GEOMETRY);
            return NULL;
        }

        /* PostGIS parses it in the write (zgw.geometry()) */
        return json_object_get(v);
    }

    return NULL;
}


/*
 * Whether a reference may name an object of this server: always for a
 * reference within the API of the request (Open Zaak's hyperlinks ignore
 * the host), and for one into another API only below this server's base
 * URL (its loose references are local only when the host is its own).
 */

static ngx_flag_t
ngx_openzaak_ref_local(ngx_openzaak_ctx_t *ctx, const char *ref,
    ngx_str_t *url)
{
    size_t       n;
    const char  *slash;

    slash = ngx_strchr(ref, '/');
    n = slash ? (size_t) (slash - ref) : 0;

    if (ctx->api == NULL
        || (ctx->api->name.len == n
            && ngx_strncmp(ctx->api->name.data, ref, n) == 0))
    {
        return 1;
    }

    return url->len > ctx->base.len + 1 + n
           && ngx_strncasecmp(url->data, ctx->base.data, ctx->base.len) == 0
           && url->data[ctx->base.len] == '/'
           && ngx_strncmp(url->data + ctx->base.len + 1, ref, n) == 0
           && url->data[ctx->base.len + 1 + n] == '/';
}


/*
 * A GeoJSON geometry object (RFC 7946 3.1) of the types the Zaken API
 * names: a "type" and "coordinates" nested as deep as the type wants,
 * with numbers at the bottom; a GeometryCollection holds "geometries".
 */

static ngx_flag_t
ngx_openzaak_valid_coords(json_object *c, ngx_uint_t depth)
{
    size_t  i, n;

    if (depth == 0) {
        if (!json_object_is_type(c, json_type_array)) {
            return 0;
        }

        n = json_object_array_length(c);

        if (n < 2 || n > 3) {
            return 0;
        }

        for (i = 0; i < n; i++) {
            json_object  *x = json_object_array_get_idx(c, i);

            if (!json_object_is_type(x, json_type_double)
                && !json_object_is_type(x, json_type_int))
            {
                return 0;
            }
        }

        return 1;
    }

    if (!json_object_is_type(c, json_type_array)) {
        return 0;
    }

    n = json_object_array_length(c);

    for (i = 0; i < n; i++) {
        if (!ngx_openzaak_valid_coords(json_object_array_get_idx(c, i),
                                       depth - 1))
        {
            return 0;
        }
    }

    return 1;
}


ngx_flag_t
ngx_openzaak_valid_geojson(json_object *v, ngx_uint_t nesting)
{
    size_t        i, n;
    const char   *type;
    json_object  *t, *c;
    ngx_uint_t    k;

    static const char  *types[] = { "Point", "MultiPoint", "LineString",
                                    "MultiLineString", "Polygon",
                                    "MultiPolygon", NULL };
    static ngx_uint_t   depths[] = { 0, 1, 1, 2, 2, 3 };

    if (!json_object_is_type(v, json_type_object)
        || !json_object_object_get_ex(v, "type", &t)
        || !json_object_is_type(t, json_type_string))
    {
        return 0;
    }

    type = json_object_get_string(t);

    if (ngx_strcmp(type, "GeometryCollection") == 0) {
        if (nesting > 4
            || !json_object_object_get_ex(v, "geometries", &c)
            || !json_object_is_type(c, json_type_array))
        {
            return 0;
        }

        n = json_object_array_length(c);

        for (i = 0; i < n; i++) {
            if (!ngx_openzaak_valid_geojson(json_object_array_get_idx(c, i),
                                            nesting + 1))
            {
                return 0;
            }
        }

        return 1;
    }

    for (k = 0; types[k]; k++) {
        if (ngx_strcmp(type, types[k]) == 0) {
            break;
        }
    }

    if (types[k] == NULL || !json_object_object_get_ex(v, "coordinates", &c)) {
        return 0;
    }

    return ngx_openzaak_valid_coords(c, depths[k]);
}


static json_object *
ngx_openzaak_validate_string(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_field_t *f, json_object *v, ngx_str_t *name)
{
    u_char      *p, *end;
    size_t       chars;
    ngx_str_t    s, value;
    ngx_uint_t   surrogate;
    ngx_flag_t   failed, nul;

    switch (json_object_get_type(v)) {

    case json_type_string:
        s.data = (u_char *) json_object_get_string(v);
        s.len = json_object_get_string_len(v);
        break;

    case json_type_int:
    case json_type_double:
        /* DRF's CharField takes numbers and turns them into text */
        s.data = (u_char *) json_object_get_string(v);
        s.len = ngx_strlen(s.data);
        break;

    default:
        (void) ngx_openzaak_err(ctx, name, "invalid", "Not a valid string.");
        return NULL;
    }

    p = s.data;
    end = s.data + s.len;

    if (!(f->flags & NGX_OZ_NO_TRIM)) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'
                           || *p == '\r' || *p == '\f' || *p == '\v'))
        {
            p++;
        }

        while (end > p && (end[-1] == ' ' || end[-1] == '\t'
                           || end[-1] == '\n' || end[-1] == '\r'
                           || end[-1] == '\f' || end[-1] == '\v'))
        {
            end--;
        }
    }

    if (p == end) {
        if (!(f->flags & NGX_OZ_BLANK)) {
            (void) ngx_openzaak_err(ctx, name, "blank", NGX_OZ_MSG_BLANK);
            return NULL;
        }

        /* DRF returns "" of a field that allows it before any validator
         * (a BSN of 9 digits, min_length) runs */
        return json_object_new_string("");
    }

    /*
     * As DRF runs all validators of a field and reports every failure, in
     * its order: the extra check, the maximum and minimum length, then
     * NUL and lone surrogates (the JSON scanner marks those), which can
     * never be stored.  Lengths count characters, the length of the whole
     * value, never where a NUL would end a C string.
     */

    failed = 0;

    if (f->check) {
        value.data = p;
        value.len = end - p;

        if (f->check(ctx, name, &value) != NGX_OK) {
            failed = 1;
        }
    }

    chars = ngx_openzaak_json_string_problems(p, end - p, &nul, &surrogate);

    if (f->max_length && chars > f->max_length) {
        (void) ngx_openzaak_invalidf(ctx, name, "max_length",
                                     "Dit veld mag niet meer dan %ui "
                                     "karakters bevatten.", f->max_length);
        failed = 1;
    }

    if (f->min_length && chars < f->min_length) {
        (void) ngx_openzaak_invalidf(ctx, name, "min_length",
                                     "Dit veld moet ten minste %ui karakters"
                                     " bevatten.", f->min_length);
        failed = 1;
    }

    if (nul) {
        (void) ngx_openzaak_err(ctx, name, "null_characters_not_allowed",
                                NGX_OPENZAAK_MSG_NUL);
        failed = 1;
    }

    if (surrogate) {
        (void) ngx_openzaak_invalidf(ctx, name,
                                     "surrogate_characters_not_allowed",
                                     "Surrogate characters are not allowed: "
                                     "U+%XD.", (uint32_t) surrogate);
        failed = 1;
    }

    if (failed) {
        return NULL;
    }

    return json_object_new_string_len((char *) p, end - p);
}


/*
 * DRF's IntegerField: a JSON integer, a float without fraction, or text
 * Python's int() reads after DRF strips a ".0" (" 12 ", "-3", "12.0").
 * Without bounds of its own a field has the range of the PostgreSQL
 * integer column it is stored in, as Django gives every IntegerField.
 */

static json_object *
ngx_openzaak_validate_integer(ngx_openzaak_ctx_t *ctx,
    const ngx_openzaak_field_t *f, json_object *v, ngx_str_t *name)
{
    double     d;
    int64_t    n, min, max;
    ngx_str_t  s;

    switch (json_object_get_type(v)) {

    case json_type_int:
        n = json_object_get_int64(v);
        break;

    case json_type_double:
        /* str() of a float: "5.0" passes, "1e+16" and "5.5" do not */
        d = json_object_get_double(v);

        if (!(d > -1e16 && d < 1e16) || d != (double) (int64_t) d) {
            goto invalid;
        }

        n = (int64_t) d;
        break;

    case json_type_string:
        s.data = (u_char *) json_object_get_string(v);
        s.len = json_object_get_string_len(v);

        if (s.len > 1000) {
            (void) ngx_openzaak_err(ctx, name, "max_string_length",
                                    "Stringwaarde is te groot.");
            return NULL;
        }

        if (ngx_openzaak_parse_int(s.data, s.len, &n) != NGX_OK) {
            goto invalid;
        }

        break;

    default:
        goto invalid;
    }

    if (f->max_length) {
        min = (int64_t) f->min_length;
        max = (int64_t) f->max_length;

    } else {
        min = NGX_OPENZAAK_INT32_MIN;
        max = NGX_OPENZAAK_INT32_MAX;
    }

    if (n > max) {
        (void) ngx_openzaak_invalidf(ctx, name, "max_value",
                                     "Zorg ervoor dat deze waarde kleiner"
                                     " is dan of gelijk is aan %L.", max);
        return NULL;
    }

    if (n < min) {
        (void) ngx_openzaak_invalidf(ctx, name, "min_value",
                                     "Zorg ervoor dat deze waarde groter"
                                     " is dan of gelijk is aan %L.", min);
        return NULL;
    }

    return json_object_new_int64(n);

invalid:

    (void) ngx_openzaak_err(ctx, name, "invalid",
                            "Een geldig getal is vereist.");
    return NULL;
}


/*
 * Python's int() of a string: surrounding whitespace, a sign, digits
 * (and DRF's ".0" dropped).  A value beyond int64 saturates: it is out of
 * every field's range all the same.
 */

static ngx_int_t
ngx_openzaak_parse_int(u_char *p, size_t len, int64_t *out)
{
    u_char      *end, *q;
    uint64_t     n;
    ngx_flag_t   neg;

    end = p + len;

    while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) {
        p++;
    }

    while (end > p && (end[-1] == ' ' || (end[-1] >= '\t' && end[-1] <= '\r')))
    {
        end--;
    }

    /* DRF's re_decimal: "\.0*\s*$" */
    for (q = end; q > p && q[-1] == '0'; q--) { /* void */ }

    if (q > p && q[-1] == '.') {
        end = q - 1;
    }

    neg = 0;

    if (p < end && (*p == '+' || *p == '-')) {
        neg = (*p == '-');
        p++;
    }

    if (p == end) {
        return NGX_ERROR;
    }

    n = 0;

    for (q = p; p < end; p++) {
        if (*p == '_' && p > q && p + 1 < end && p[-1] >= '0' && p[-1] <= '9'
            && p[1] >= '0' && p[1] <= '9')
        {
            /* Python 3.6+ reads "1_000" */
            continue;
        }

        if (*p < '0' || *p > '9') {
            return NGX_ERROR;
        }

        if (n < (uint64_t) 1 << 62) {
            n = n * 10 + (*p - '0');
        }
    }

    if (n > (uint64_t) INT64_MAX) {
        n = (uint64_t) INT64_MAX;
    }

    *out = neg ? -(int64_t) n : (int64_t) n;

    return NGX_OK;
}


/*
 * Arrays: of scalars (DRF ListField), of URL references, or of objects
 * (DRF ListSerializer; in a child table or a jsonb column).
 */

static json_object *
ngx_openzaak_validate_array(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w,
    const ngx_openzaak_field_t *f, json_object *v, ngx_str_t *name)
{
    u_char                      *p;
    size_t                       i, n;
    ngx_str_t                    iname, nf, *ename;
    json_object                 *out, *item, *nv;
    ngx_flag_t                   objects;
    const ngx_openzaak_field_t  *itemf;

    itemf = &f->fields[0];
    objects = (itemf->type == NGX_OZ_OBJECT);

    ename = name;

    if (objects) {
        if (ngx_openzaak_name(ctx, name, "nonFieldErrors", &nf) != NGX_OK) {
            return NULL;
        }
        ename = &nf;
    }

    if (!json_object_is_type(v, json_type_array)) {
        (void) ngx_openzaak_invalidf(ctx, ename, "not_a_list",
                                     "Verwachtte een lijst met items, maar "
                                     "kreeg type \"%s\".",
                                     ngx_openzaak_json_type_name(v));
        return NULL;
    }

    n = json_object_array_length(v);

    if (n == 0 && (f->flags & NGX_OZ_NONEMPTY)) {
        (void) ngx_openzaak_err(ctx, ename, "empty",
                                "Deze lijst mag niet leeg zijn.");
        return NULL;
    }

    /* on an array, max_length and min_length are the spec's maxItems and
     * minItems (DRF's ListField max_length and min_length) */

    if (f->max_length && n > f->max_length) {
        (void) ngx_openzaak_invalidf(ctx, ename, "max_length",
                                     "Zorg ervoor dat dit veld niet meer dan"
                                     " %ui elementen bevat.", f->max_length);
        return NULL;
    }

    if (f->min_length && n < f->min_length) {
        (void) ngx_openzaak_invalidf(ctx, ename, "min_length",
                                     "Zorg ervoor dat dit veld minimaal %ui"
                                     " elementen bevat.", f->min_length);
        return NULL;
    }

    out = json_object_new_array();
    if (out == NULL) {
        return NULL;
    }

    for (i = 0; i < n; i++) {
        item = json_object_array_get_idx(v, i);

        iname.data = ngx_pnalloc(ctx->request->pool,
                                 name->len + 1 + NGX_INT_T_LEN);
        if (iname.data == NULL) {
            json_object_put(out);
            return NULL;
        }

        /*
         * Open Zaak's error flattening drops the index 0 of scalar list
         * items ("clientIds." for the first item), but keeps it for
         * objects ("autorisaties.0.scopes"); clients match on these names.
         */

        if (!objects && i == 0) {
            p = ngx_sprintf(iname.data, "%V.", name);
        } else {
            p = ngx_sprintf(iname.data, "%V.%uz", name, i);
        }

        iname.len = p - iname.data;

        if (objects) {
            if (!json_object_is_type(item, json_type_object)) {
                if (ngx_openzaak_name(ctx, &iname, "nonFieldErrors", &nf)
                    != NGX_OK)
                {
                    json_object_put(out);
                    return NULL;
                }

                (void) ngx_openzaak_invalidf(ctx, &nf, "invalid",
                                             "Ongeldige data. Verwacht een "
                                             "dictionary, kreeg een %s.",
                                             ngx_openzaak_json_type_name(item));
                continue;
            }

            nv = ngx_openzaak_validate_item_object(ctx, w, itemf, item,
                                                   &iname,
                                                   f->child
                                                   ? NGX_OPENZAAK_KEY_COLUMN
                                                   : NGX_OPENZAAK_KEY_JSON);
            if (nv == NULL) {
                continue;
            }

            if (f->child) {
                json_object_object_add(nv, f->child->parent,
                    json_object_new_string_len((char *) w->uuid.data,
                                               w->uuid.len));
                json_object_object_add(nv, f->child->position,
                                       json_object_new_int64(i));
            }

            json_object_array_add(out, nv);
            continue;
        }

        if (json_object_is_type(item, json_type_null)) {
            (void) ngx_openzaak_err(ctx, &iname, "null", NGX_OZ_MSG_NULL);
            continue;
        }

        nv = ngx_openzaak_validate_value(ctx, w, itemf, item, &iname);
        if (nv) {
            json_object_array_add(out, nv);
        }
    }

    return out;
}


/* An object: its base fields, then, if they are valid, its variant. */

static json_object *
ngx_openzaak_validate_item_object(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w, const ngx_openzaak_field_t *item,
    json_object *v, ngx_str_t *name, ngx_openzaak_keymode_e keymode)
{
    ngx_str_t              prefix;
    ngx_uint_t             nerrors;
    json_object           *out;
    const char            *variant;
    ngx_openzaak_write_t   sub;

    out = json_object_new_object();
    if (out == NULL) {
        return NULL;
    }

    prefix.data = ngx_pnalloc(ctx->request->pool, name->len + 1);
    if (prefix.data == NULL) {
        json_object_put(out);
        return NULL;
    }

    ngx_memcpy(prefix.data, name->data, name->len);
    prefix.data[name->len] = '.';
    prefix.len = name->len + 1;

    /*
     * A nested object is always given whole, also in a PATCH, and stored
     * whole (a child row is inserted anew): absent members get defaults.
     */
    sub = *w;
    sub.kind = NGX_OZ_OP_CREATE;

    nerrors = ctx->errors ? ctx->errors->nelts : 0;

    if (ngx_openzaak_validate_fields(ctx, &sub, item->fields, v, out,
                                     &prefix, keymode, 0, NULL)
        != NGX_OK)
    {
        json_object_put(out);
        return NULL;
    }

    if ((ctx->errors ? ctx->errors->nelts : 0) != nerrors) {
        json_object_put(out);
        return NULL;
    }

    variant = ngx_openzaak_validate_variant(item->fields, out, keymode);

    if (variant) {
        if (ngx_openzaak_validate_fields(ctx, &sub, item->fields, v, out,
                                         &prefix, keymode, 1, variant)
            != NGX_OK)
        {
            json_object_put(out);
            return NULL;
        }

        if ((ctx->errors ? ctx->errors->nelts : 0) != nerrors) {
            json_object_put(out);
            return NULL;
        }
    }

    return out;
}


/*
 * Open Zaak's JSON parser turns camelCase keys into snake_case and leaves
 * snake_case keys alone, so "aard_relatie" reaches the same field as
 * "aardRelatie"; clients (and the VNG test suites) rely on that.
 */

static ngx_flag_t
ngx_openzaak_snake_get(json_object *in, const char *name, json_object **v)
{
    u_char       buf[128], *p;
    const char  *s;
    ngx_flag_t   upper;

    p = buf;
    upper = 0;

    for (s = name; *s && p < buf + sizeof(buf) - 2; s++) {
        if (*s >= 'A' && *s <= 'Z') {
            *p++ = '_';
            *p++ = *s - 'A' + 'a';
            upper = 1;
            continue;
        }

        *p++ = *s;
    }

    if (!upper || *s) {
        return 0;
    }

    *p = '\0';

    return json_object_object_get_ex(in, (char *) buf, v);
}


static json_object *
ngx_openzaak_default(const ngx_openzaak_field_t *f)
{
    if (f->dflt) {
        return json_tokener_parse(f->dflt);
    }

    if (f->type == NGX_OZ_ARRAY) {
        return json_object_new_array();
    }

    /* an optional text the database keeps as "" (blank=True in Django) */
    if ((f->type == NGX_OZ_STRING || f->type == NGX_OZ_URI
         || (f->type == NGX_OZ_ENUM && (f->flags & NGX_OZ_ENUM_BLANK)))
        && !(f->flags & NGX_OZ_NULLABLE))
    {
        return json_object_new_string("");
    }

    /* Open Zaak's BooleanFields default to False */
    if (f->type == NGX_OZ_BOOLEAN && !(f->flags & NGX_OZ_NULLABLE)) {
        return json_object_new_boolean(0);
    }

    return NULL;
}


static ngx_int_t
ngx_openzaak_err(ngx_openzaak_ctx_t *ctx, ngx_str_t *name, const char *code,
    const char *reason)
{
    return ngx_openzaak_invalid(ctx, (char *) name->data, name->len, code,
                                reason, ngx_strlen(reason));
}


static ngx_int_t
ngx_openzaak_name(ngx_openzaak_ctx_t *ctx, ngx_str_t *prefix,
    const char *name, ngx_str_t *out)
{
    size_t   len;
    u_char  *p;

    len = ngx_strlen(name);

    out->data = ngx_pnalloc(ctx->request->pool, prefix->len + 1 + len);
    if (out->data == NULL) {
        return NGX_ERROR;
    }

    p = out->data;

    if (prefix->len) {
        p = ngx_cpymem(p, prefix->data, prefix->len);

        if (prefix->data[prefix->len - 1] != '.') {
            *p++ = '.';
        }
    }

    p = ngx_cpymem(p, name, len);
    out->len = p - out->data;

    return NGX_OK;
}


const char *
ngx_openzaak_json_type_name(json_object *v)
{
    switch (json_object_get_type(v)) {
    case json_type_null:
        return "NoneType";
    case json_type_boolean:
        return "bool";
    case json_type_double:
        return "float";
    case json_type_int:
        return "int";
    case json_type_object:
        return "dict";
    case json_type_array:
        return "list";
    default:
        return "str";
    }
}


/*
 * A reference to a resource of this module: the URL path must end in
 * "/{api}/api/v1/{collection}/{uuid}".  As with Open Zaak's local
 * hyperlinks the host is not compared, so the same object can be named
 * through any of the names the server answers to.
 * NGX_OK: the uuid; NGX_ABORT: another resource; NGX_DECLINED: no match.
 */

ngx_int_t
ngx_openzaak_parse_ref(ngx_openzaak_ctx_t *ctx, const char *ref,
    ngx_str_t *url, ngx_str_t *uuid)
{
    u_char      *p, *end, *path, *seg[5];
    size_t       seglen[5];
    ngx_int_t    i;
    const char  *slash;

    p = url->data;
    end = url->data + url->len;

    path = ngx_strlcasestrn(p, end, (u_char *) "://", 3 - 1);
    if (path == NULL) {
        return NGX_DECLINED;
    }

    path = ngx_strlchr(path + 3, end, '/');
    if (path == NULL) {
        return NGX_DECLINED;
    }

    /* the query and fragment are not part of the path */
    for (p = path; p < end; p++) {
        if (*p == '?' || *p == '#') {
            end = p;
            break;
        }
    }

    /* the last five segments: {api} api v1 {collection} {uuid} */

    p = end;

    for (i = 4; i >= 0; i--) {
        u_char  *segend = p;

        if (p <= path) {
            return NGX_DECLINED;
        }

        while (p > path && p[-1] != '/') {
            p--;
        }

        seg[i] = p;
        seglen[i] = segend - p;

        if (p <= path) {
            return NGX_DECLINED;
        }

        p--;    /* the slash */
    }

    if (seglen[1] != 3 || ngx_strncmp(seg[1], "api", 3) != 0
        || seglen[2] != 2 || ngx_strncmp(seg[2], "v1", 2) != 0
        || !ngx_openzaak_is_uuid(seg[4], seglen[4]))
    {
        return NGX_DECLINED;
    }

    slash = ngx_strchr(ref, '/');

    if (slash == NULL
        || seglen[0] != (size_t) (slash - ref)
        || ngx_strncmp(seg[0], ref, seglen[0]) != 0
        || seglen[3] != ngx_strlen(slash + 1)
        || ngx_strncmp(seg[3], slash + 1, seglen[3]) != 0)
    {
        return NGX_ABORT;
    }

    uuid->data = ngx_pnalloc(ctx->request->pool, NGX_OPENZAAK_UUID_LEN);
    if (uuid->data == NULL) {
        return NGX_DECLINED;
    }

    /* uuids are stored and compared in lower case */
    for (i = 0; i < NGX_OPENZAAK_UUID_LEN; i++) {
        uuid->data[i] = ngx_tolower(seg[4][i]);
    }

    uuid->len = NGX_OPENZAAK_UUID_LEN;

    return NGX_OK;
}


/*
 * Django's URLValidator, which Open Zaak applies to URL fields: http(s)
 * or ftp(s), a host that is localhost, an IPv4 or bracketed IPv6 address,
 * or a domain name with an alphabetic top-level domain, an optional port,
 * and no whitespace.
 */

ngx_flag_t
ngx_openzaak_valid_url(u_char *p, size_t len)
{
    u_char      *end, *host, *hend, *label, *at, *q;
    ngx_uint_t   dots, digits, labels, tld_alpha;

    end = p + len;

    for (q = p; q < end; q++) {
        if (*q <= ' ' || *q == 0x7f) {
            return 0;
        }
    }

    if (len > 7 && ngx_strncasecmp(p, (u_char *) "http://", 7) == 0) {
        host = p + 7;
    } else if (len > 8 && ngx_strncasecmp(p, (u_char *) "https://", 8) == 0) {
        host = p + 8;
    } else if (len > 6 && ngx_strncasecmp(p, (u_char *) "ftp://", 6) == 0) {
        host = p + 6;
    } else if (len > 7 && ngx_strncasecmp(p, (u_char *) "ftps://", 7) == 0) {
        host = p + 7;
    } else {
        return 0;
    }

    for (hend = host; hend < end; hend++) {
        if (*hend == '/' || *hend == '?' || *hend == '#') {
            break;
        }
    }

    /* user:password@ */
    at = NULL;
    for (q = host; q < hend; q++) {
        if (*q == '@') {
            at = q;
        }
    }

    if (at) {
        host = at + 1;
    }

    if (host == hend) {
        return 0;
    }

    /* port */
    if (*host == '[') {
        q = ngx_strlchr(host, hend, ']');
        if (q == NULL || q == host + 1) {
            return 0;
        }

        for (label = host + 1; label < q; label++) {
            if (!(ngx_openzaak_isxdigit(*label)
                  || *label == ':' || *label == '.'))
            {
                return 0;
            }
        }

        q++;

    } else {
        for (q = host; q < hend && *q != ':'; q++) { /* void */ }
    }

    if (q < hend) {
        if (*q != ':' || q + 1 == hend || hend - q - 1 > 5) {
            return 0;
        }

        for (label = q + 1; label < hend; label++) {
            if (*label < '0' || *label > '9') {
                return 0;
            }
        }

        hend = q;
    }

    if (*host == '[') {
        return 1;
    }

    if (hend - host == 9 && ngx_strncasecmp(host, (u_char *) "localhost", 9)
                            == 0)
    {
        return 1;
    }

    /* IPv4 */
    dots = 0;
    digits = 1;
    for (q = host; q < hend; q++) {
        if (*q == '.') {
            dots++;
        } else if (*q < '0' || *q > '9') {
            digits = 0;
        }
    }

    if (digits) {
        return dots == 3 && hend[-1] != '.' && host[0] != '.';
    }

    /* domain name: labels of letters, digits and hyphens, and a TLD */
    if (hend[-1] == '.') {
        hend--;
    }

    labels = 0;
    tld_alpha = 0;
    label = host;

    for (q = host; q <= hend; q++) {
        if (q < hend && *q != '.') {
            if (!(ngx_openzaak_isalnum(*q) || *q == '-' || *q >= 0x80)) {
                return 0;
            }
            continue;
        }

        if (q == label || *label == '-' || q[-1] == '-' || q - label > 63) {
            return 0;
        }

        tld_alpha = 1;
        for (at = label; at < q; at++) {
            if (!(ngx_openzaak_isalpha(*at) || *at >= 0x80 || *at == '-')) {
                tld_alpha = 0;
            }
        }

        if (q - label > 4 && ngx_strncasecmp(label, (u_char *) "xn--", 4) == 0)
        {
            tld_alpha = 1;
        }

        labels++;
        label = q + 1;
    }

    return labels >= 2 && tld_alpha && (hend - host) <= 253;
}


ngx_flag_t
ngx_openzaak_valid_date(u_char *p, size_t len)
{
    ngx_int_t  y, m, d, days;

    if (len != 10 || p[4] != '-' || p[7] != '-') {
        return 0;
    }

    y = ngx_atoi(p, 4);
    m = ngx_atoi(p + 5, 2);
    d = ngx_atoi(p + 8, 2);

    if (y < 1 || m < 1 || m > 12 || d < 1) {
        return 0;
    }

    days = (m == 2) ? ((y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29
                                                                       : 28)
                    : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;

    return d <= days;
}


static ngx_flag_t
ngx_openzaak_digits(u_char *p, size_t n)
{
    while (n--) {
        if (*p < '0' || *p > '9') {
            return 0;
        }
        p++;
    }

    return 1;
}


/* ISO 8601 as Django parses it: a date, optionally a time, a zone. */

static ngx_flag_t
ngx_openzaak_valid_datetime(u_char *p, size_t len)
{
    u_char  *end;

    if (len < 10 || !ngx_openzaak_valid_date(p, 10)) {
        return 0;
    }

    end = p + len;
    p += 10;

    if (p == end) {
        return 1;
    }

    if (*p != 'T' && *p != 't' && *p != ' ') {
        return 0;
    }

    p++;

    if (end - p < 5 || !ngx_openzaak_digits(p, 2) || p[2] != ':'
        || !ngx_openzaak_digits(p + 3, 2)
        || ngx_atoi(p, 2) > 23 || ngx_atoi(p + 3, 2) > 59)
    {
        return 0;
    }

    p += 5;

    if (p < end && *p == ':') {
        if (end - p < 3 || !ngx_openzaak_digits(p + 1, 2)
            || ngx_atoi(p + 1, 2) > 59)
        {
            return 0;
        }

        p += 3;

        if (p < end && (*p == '.' || *p == ',')) {
            p++;

            if (p == end || *p < '0' || *p > '9') {
                return 0;
            }

            while (p < end && *p >= '0' && *p <= '9') {
                p++;
            }
        }
    }

    if (p == end) {
        return 1;
    }

    if ((*p == 'Z' || *p == 'z') && p + 1 == end) {
        return 1;
    }

    /* an offset within a day, as Python's timezone takes it */

    if (*p == '+' || *p == '-') {
        p++;

        if (end - p == 5 && ngx_openzaak_digits(p, 2) && p[2] == ':'
            && ngx_openzaak_digits(p + 3, 2))
        {
            return ngx_atoi(p, 2) <= 23 && ngx_atoi(p + 3, 2) <= 59;
        }

        if (end - p == 4 && ngx_openzaak_digits(p, 4)) {
            return ngx_atoi(p, 2) <= 23 && ngx_atoi(p + 2, 2) <= 59;
        }

        if (end - p == 2 && ngx_openzaak_digits(p, 2)) {
            return ngx_atoi(p, 2) <= 23;
        }
    }

    return 0;
}


/*
 * ISO 8601 durations as the isodate package (used by Open Zaak) accepts
 * them: P[nY][nM][nW][nD][T[nH][nM][nS]], at least one part, decimals
 * allowed.
 */

ngx_flag_t
ngx_openzaak_valid_duration(u_char *p, size_t len)
{
    u_char     *end;
    ngx_uint_t  parts, order, in_time, digits;
    static const char  date_units[] = "YMWD";
    static const char  time_units[] = "HMS";
    const char *units, *u;

    end = p + len;

    if (len < 3 || *p != 'P') {
        return 0;
    }

    p++;
    parts = 0;
    order = 0;
    in_time = 0;
    units = date_units;

    while (p < end) {

        if (*p == 'T') {
            if (in_time) {
                return 0;
            }

            in_time = 1;
            order = 0;
            units = time_units;
            p++;

            if (p == end) {
                return 0;
            }

            continue;
        }

        digits = 0;

        while (p < end && *p >= '0' && *p <= '9') {
            p++;
            digits++;
        }

        if (p < end && (*p == '.' || *p == ',')) {
            p++;

            while (p < end && *p >= '0' && *p <= '9') {
                p++;
                digits++;
            }
        }

        if (digits == 0 || p == end) {
            return 0;
        }

        /* strchr() would find a NUL of the value at the list's end */
        u = (*p == '\0') ? NULL : ngx_strchr(units + order, *p);
        if (u == NULL) {
            return 0;
        }

        order = u - units + 1;
        parts++;
        p++;
    }

    return parts > 0;
}
