/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The OpenAPI 3.0 document of an API, rendered from the same descriptors
 * the engine runs on: what is served is what is implemented.  Built once
 * per process and served as JSON and as YAML.
 *
 * The shape follows what drf-spectacular writes for Open Zaak, so that the
 * document can be compared with the reference specs (t/050-openapi.t):
 * a resource X has the components X (responses), XRequest (create and
 * update), PatchedXRequest (partial update) and PaginatedXList; enums are
 * components named after their field (ComponentEnum), referenced through
 * allOf, or through oneOf with BlankEnum and NullEnum when "" or null is
 * allowed too; an object with a discriminator field is a oneOf of one
 * variant per discriminator value, each allOf its Base_ part and its own
 * fields.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


typedef enum {
    NGX_OPENZAAK_SCHEMA_RESPONSE = 0,
    NGX_OPENZAAK_SCHEMA_REQUEST,
    NGX_OPENZAAK_SCHEMA_PATCH
} ngx_openzaak_schema_mode_e;


#define NGX_OPENZAAK_OPENAPI_NAME_LEN  256


static json_object *ngx_openzaak_openapi_doc(ngx_pool_t *pool,
    ngx_openzaak_api_t *api);
static json_object *ngx_openzaak_openapi_sorted(ngx_pool_t *pool,
    json_object *o);
static int ngx_libc_cdecl ngx_openzaak_openapi_cmp(const void *one,
    const void *two);
static void ngx_openzaak_openapi_resource(json_object *paths,
    json_object *schemas, ngx_openzaak_resource_t *res);
static json_object *ngx_openzaak_openapi_path_item(json_object *paths,
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op);
static const char *ngx_openzaak_openapi_method(ngx_openzaak_operation_t *op);
static ngx_flag_t ngx_openzaak_openapi_has_body(ngx_openzaak_operation_t *op);
static ngx_flag_t ngx_openzaak_openapi_on_detail(
    ngx_openzaak_operation_t *op);
static json_object *ngx_openzaak_openapi_operation(
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op,
    ngx_flag_t head);
static json_object *ngx_openzaak_openapi_parameters(
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op,
    ngx_flag_t head);
static json_object *ngx_openzaak_openapi_expand(
    ngx_openzaak_resource_t *res);
static json_object *ngx_openzaak_openapi_filter(
    const ngx_openzaak_filter_t *f);
static json_object *ngx_openzaak_openapi_crs(void);
static ngx_flag_t ngx_openzaak_openapi_crs_resource(
    ngx_openzaak_resource_t *res);
static json_object *ngx_openzaak_openapi_ordering(
    ngx_openzaak_resource_t *res);
static json_object *ngx_openzaak_openapi_search(ngx_openzaak_resource_t *res,
    ngx_openzaak_operation_t *op);
static json_object *ngx_openzaak_openapi_security(
    ngx_openzaak_operation_t *op);
static json_object *ngx_openzaak_openapi_responses(
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op,
    ngx_flag_t head);
static void ngx_openzaak_openapi_component(json_object *schemas,
    const char *name, const char *owner, const ngx_openzaak_field_t *fields,
    ngx_openzaak_schema_mode_e mode);
static json_object *ngx_openzaak_openapi_object(json_object *schemas,
    const char *owner, const ngx_openzaak_field_t *fields,
    ngx_openzaak_schema_mode_e mode, const char *variant);
static json_object *ngx_openzaak_openapi_field(json_object *schemas,
    const char *owner, const ngx_openzaak_field_t *f,
    ngx_openzaak_schema_mode_e mode);
static json_object *ngx_openzaak_openapi_enum(json_object *schemas,
    const char *owner, const ngx_openzaak_field_t *f);
static ngx_flag_t ngx_openzaak_openapi_same_enum(json_object *e,
    const char *const *enums);
static json_object *ngx_openzaak_openapi_scalar(ngx_openzaak_type_e type,
    const char *const *enums);
static json_object *ngx_openzaak_openapi_paginated(const char *schema);
static void ngx_openzaak_openapi_errors(json_object *schemas);
static json_object *ngx_openzaak_openapi_ref(const char *name);
static json_object *ngx_openzaak_openapi_type(const char *type,
    const char *format);
static json_object *ngx_openzaak_openapi_header(const char *desc,
    const char *format);
static json_object *ngx_openzaak_openapi_param(const char *in,
    const char *name, json_object *schema, const char *desc,
    ngx_flag_t required);
static void ngx_openzaak_openapi_name(u_char *buf, const char *name,
    ngx_openzaak_schema_mode_e mode);
static ngx_flag_t ngx_openzaak_openapi_in_list(const char *list,
    const char *word);
static void ngx_openzaak_openapi_add_str(json_object *o, const char *key,
    const char *value);

static void ngx_openzaak_yaml_members(ngx_openzaak_sb_t *sb, json_object *v,
    ngx_uint_t indent, ngx_flag_t continued);
static void ngx_openzaak_yaml_items(ngx_openzaak_sb_t *sb, json_object *v,
    ngx_uint_t indent);
static void ngx_openzaak_yaml_value(ngx_openzaak_sb_t *sb, json_object *v,
    ngx_uint_t indent);
static void ngx_openzaak_yaml_indent(ngx_openzaak_sb_t *sb,
    ngx_uint_t indent);
static void ngx_openzaak_yaml_text(ngx_openzaak_sb_t *sb, const char *s,
    size_t len);
static void ngx_openzaak_yaml_scalar(ngx_openzaak_sb_t *sb, json_object *v);
static void ngx_openzaak_yaml_string(ngx_openzaak_sb_t *sb, const u_char *s,
    size_t len);


#define NGX_OPENZAAK_API_VERSION_DESC                                        \
    "Geeft een specifieke API-versie aan in de context van een specifieke "  \
    "aanroep. Voorbeeld: 1.2.1."

#define NGX_OPENZAAK_ETAG_DESC                                               \
    "De ETag berekend op de response body JSON. Indien twee resources "      \
    "exact dezelfde ETag hebben, dan zijn deze resources identiek aan "      \
    "elkaar. Je kan de ETag gebruiken om caching te implementeren."

#define NGX_OPENZAAK_ACCEPT_CRS_DESC                                         \
    "The desired 'Coordinate Reference System' (CRS) of the response data. " \
    "According to the GeoJSON spec, WGS84 is the default (EPSG: 4326 is "    \
    "the same as WGS84)."

#define NGX_OPENZAAK_CONTENT_CRS_DESC                                        \
    "The 'Coordinate Reference System' (CRS) of the request data. "          \
    "According to the GeoJSON spec, WGS84 is the default (EPSG: 4326 is "    \
    "the same as WGS84)."

#define NGX_OPENZAAK_ORDERING_DESC                                           \
    "Het veld waarop de resultaten geordend worden.\n\n"

#define NGX_OPENZAAK_IF_NONE_MATCH_DESC                                      \
    "Voer een voorwaardelijk verzoek uit. Deze header moet één of "          \
    "meerdere ETag-waardes bevatten van resources die de consumer gecached " \
    "heeft. Indien de waarde van de ETag van de huidige resource voorkomt "  \
    "in deze set, dan antwoordt de provider met een lege HTTP 304 request. " \
    "Zie [MDN](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/"   \
    "If-None-Match) voor meer informatie."


ngx_int_t
ngx_openzaak_openapi_init(ngx_pool_t *pool, ngx_openzaak_api_t *api)
{
    size_t              len;
    const char         *s;
    json_object        *doc;
    ngx_openzaak_sb_t   sb;

    doc = ngx_openzaak_openapi_doc(pool, api);
    if (doc == NULL) {
        return NGX_ERROR;
    }

    s = json_object_to_json_string_length(doc, JSON_C_TO_STRING_PLAIN
                                               | JSON_C_TO_STRING_NOSLASHESCAPE,
                                          &len);
    if (s == NULL) {
        json_object_put(doc);
        return NGX_ERROR;
    }

    api->openapi_json.data = ngx_pnalloc(pool, len);
    if (api->openapi_json.data == NULL) {
        json_object_put(doc);
        return NGX_ERROR;
    }

    ngx_memcpy(api->openapi_json.data, s, len);
    api->openapi_json.len = len;

    /* block style YAML takes about as much room as the JSON */
    ngx_openzaak_sb_init(&sb, pool, 2 * len);
    ngx_openzaak_yaml_members(&sb, doc, 0, 0);

    json_object_put(doc);

    return ngx_openzaak_sb_str(&sb, &api->openapi_yaml);
}


ngx_int_t
ngx_openzaak_openapi_send(ngx_openzaak_ctx_t *ctx, ngx_flag_t yaml)
{
    ngx_str_t  body;

    body = yaml ? ctx->api->openapi_yaml : ctx->api->openapi_json;

    return ngx_openzaak_send(ctx, NGX_HTTP_OK,
                             yaml ? "application/vnd.oai.openapi"
                                  : "application/vnd.oai.openapi+json",
                             &body);
}


static json_object *
ngx_openzaak_openapi_doc(ngx_pool_t *pool, ngx_openzaak_api_t *api)
{
    json_object               *doc, *info, *license, *servers, *server,
                              *paths, *components, *schemas, *schemes,
                              *jwt, *tags, *tag;
    ngx_openzaak_resource_t  **res;

    doc = json_object_new_object();
    if (doc == NULL) {
        return NULL;
    }

    ngx_openzaak_openapi_add_str(doc, "openapi", "3.0.3");

    info = json_object_new_object();
    ngx_openzaak_openapi_add_str(info, "title", api->title);
    ngx_openzaak_openapi_add_str(info, "version", api->version);
    ngx_openzaak_openapi_add_str(info, "description", api->description);

    license = json_object_new_object();
    ngx_openzaak_openapi_add_str(license, "name", "EUPL 1.2");
    ngx_openzaak_openapi_add_str(license, "url",
                                 "https://opensource.org/licenses/EUPL-1.2");
    json_object_object_add(info, "license", license);
    json_object_object_add(doc, "info", info);

    paths = json_object_new_object();
    schemas = json_object_new_object();
    tags = json_object_new_array();

    for (res = api->resources; *res; res++) {
        ngx_openzaak_openapi_resource(paths, schemas, *res);

        tag = json_object_new_object();
        ngx_openzaak_openapi_add_str(tag, "name", (*res)->path);

        if ((*res)->description) {
            ngx_openzaak_openapi_add_str(tag, "description",
                                         (*res)->description);
        }

        json_object_array_add(tags, tag);
    }

    ngx_openzaak_openapi_errors(schemas);

    /* components in the order of their names, as in the reference specs */
    schemas = ngx_openzaak_openapi_sorted(pool, schemas);
    if (schemas == NULL) {
        json_object_put(paths);
        json_object_put(tags);
        json_object_put(doc);
        return NULL;
    }

    json_object_object_add(doc, "paths", paths);

    components = json_object_new_object();
    json_object_object_add(components, "schemas", schemas);

    schemes = json_object_new_object();
    jwt = json_object_new_object();
    ngx_openzaak_openapi_add_str(jwt, "type", "http");
    ngx_openzaak_openapi_add_str(jwt, "scheme", "bearer");
    ngx_openzaak_openapi_add_str(jwt, "bearerFormat", "JWT");
    json_object_object_add(schemes, "JWT-Claims", jwt);
    json_object_object_add(components, "securitySchemes", schemes);

    json_object_object_add(doc, "components", components);

    servers = json_object_new_array();
    server = json_object_new_object();
    json_object_object_add(server, "url",
        json_object_new_string_len((char *) api->root.data, api->root.len));
    json_object_array_add(servers, server);
    json_object_object_add(doc, "servers", servers);

    json_object_object_add(doc, "tags", tags);

    return doc;
}


/* A copy of the object with its members in the order of their names. */

static json_object *
ngx_openzaak_openapi_sorted(ngx_pool_t *pool, json_object *o)
{
    char         **keys;
    size_t         i, n;
    json_object   *sorted, *v;

    n = json_object_object_length(o);

    keys = ngx_palloc(pool, (n + 1) * sizeof(char *));
    if (keys == NULL) {
        json_object_put(o);
        return NULL;
    }

    i = 0;

    json_object_object_foreach(o, key, val) {
        (void) val;
        keys[i++] = key;
    }

    ngx_qsort(keys, n, sizeof(char *), ngx_openzaak_openapi_cmp);

    sorted = json_object_new_object();

    for (i = 0; i < n; i++) {
        /* the copy takes its own key and reference */
        v = json_object_object_get(o, keys[i]);
        json_object_object_add(sorted, keys[i], json_object_get(v));
    }

    json_object_put(o);
    ngx_pfree(pool, keys);

    return sorted;
}


static int ngx_libc_cdecl
ngx_openzaak_openapi_cmp(const void *one, const void *two)
{
    return ngx_strcmp(*(char **) one, *(char **) two);
}


static void
ngx_openzaak_openapi_resource(json_object *paths, json_object *schemas,
    ngx_openzaak_resource_t *res)
{
    u_char                     name[NGX_OPENZAAK_OPENAPI_NAME_LEN], *p;
    json_object               *item;
    ngx_uint_t                 kinds, paginated;
    ngx_openzaak_operation_t  *op;

    kinds = 0;
    paginated = 0;

    for (op = (ngx_openzaak_operation_t *) res->operations; op->kind; op++) {

        item = ngx_openzaak_openapi_path_item(paths, res, op);

        json_object_object_add(item, ngx_openzaak_openapi_method(op),
                               ngx_openzaak_openapi_operation(res, op, 0));

        /* the module answers HEAD on every GET; documented as the
         * reference does, only where the descriptor says so */

        if (op->kind == NGX_OZ_OP_READ && (op->flags & NGX_OZ_OP_HEAD)) {
            json_object_object_add(item, "head",
                                   ngx_openzaak_openapi_operation(res, op, 1));
        }

        kinds |= 1 << op->kind;
        paginated |= op->flags & NGX_OZ_OP_PAGINATED;
    }

    /* the components the operations refer to */

    ngx_openzaak_openapi_component(schemas, res->schema, res->schema,
                                   res->fields, NGX_OPENZAAK_SCHEMA_RESPONSE);

    if (kinds & ((1 << NGX_OZ_OP_CREATE) | (1 << NGX_OZ_OP_UPDATE))) {
        ngx_openzaak_openapi_name(name, res->schema,
                                  NGX_OPENZAAK_SCHEMA_REQUEST);
        ngx_openzaak_openapi_component(schemas, (char *) name, res->schema,
                                       res->fields,
                                       NGX_OPENZAAK_SCHEMA_REQUEST);
    }

    if (kinds & (1 << NGX_OZ_OP_PATCH)) {
        ngx_openzaak_openapi_name(name, res->schema,
                                  NGX_OPENZAAK_SCHEMA_PATCH);
        ngx_openzaak_openapi_component(schemas, (char *) name, res->schema,
                                       res->fields,
                                       NGX_OPENZAAK_SCHEMA_PATCH);
    }

    if (paginated) {
        p = ngx_slprintf(name, name + sizeof(name) - 1, "Paginated%sList",
                         res->schema);
        *p = '\0';
        json_object_object_add(schemas, (char *) name,
                               ngx_openzaak_openapi_paginated(res->schema));
    }
}


/* The path item of an operation, added to the paths when new. */

static json_object *
ngx_openzaak_openapi_path_item(json_object *paths,
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op)
{
    u_char       buf[NGX_OPENZAAK_OPENAPI_NAME_LEN], *p, *last;
    json_object  *item;

    last = buf + sizeof(buf) - 1;
    p = buf;

    if (res->parent) {
        p = ngx_slprintf(p, last, "/%s/{%s}", res->parent->path,
                         res->parent_param);
    }

    p = ngx_slprintf(p, last, "/%s", res->path);

    if (ngx_openzaak_openapi_on_detail(op)) {
        p = ngx_slprintf(p, last, "/{uuid}");
    }

    if (op->kind == NGX_OZ_OP_ACTION) {
        p = ngx_slprintf(p, last, "/%s", op->action);
    }

    *p = '\0';

    if (json_object_object_get_ex(paths, (char *) buf, &item)) {
        return item;
    }

    item = json_object_new_object();
    json_object_object_add(paths, (char *) buf, item);

    return item;
}


static const char *
ngx_openzaak_openapi_method(ngx_openzaak_operation_t *op)
{
    ngx_uint_t  method;

    switch (op->kind) {

    case NGX_OZ_OP_LIST:
    case NGX_OZ_OP_READ:
        return "get";

    case NGX_OZ_OP_CREATE:
        return "post";

    case NGX_OZ_OP_UPDATE:
        return "put";

    case NGX_OZ_OP_PATCH:
        return "patch";

    case NGX_OZ_OP_DELETE:
        return "delete";

    default:
        break;
    }

    method = op->method ? op->method : NGX_HTTP_GET;

    return (method & NGX_HTTP_POST) ? "post"
           : (method & NGX_HTTP_PUT) ? "put"
           : (method & NGX_HTTP_PATCH) ? "patch"
           : (method & NGX_HTTP_DELETE) ? "delete" : "get";
}


/* POST, PUT and PATCH take a body: a Content-Type and a 400 apply. */

static ngx_flag_t
ngx_openzaak_openapi_has_body(ngx_openzaak_operation_t *op)
{
    switch (op->kind) {

    case NGX_OZ_OP_CREATE:
    case NGX_OZ_OP_UPDATE:
    case NGX_OZ_OP_PATCH:
        return 1;

    case NGX_OZ_OP_ACTION:
        return (op->method & (NGX_HTTP_POST|NGX_HTTP_PUT|NGX_HTTP_PATCH))
               != 0;

    default:
        return 0;
    }
}


static ngx_flag_t
ngx_openzaak_openapi_on_detail(ngx_openzaak_operation_t *op)
{
    switch (op->kind) {

    case NGX_OZ_OP_READ:
    case NGX_OZ_OP_UPDATE:
    case NGX_OZ_OP_PATCH:
    case NGX_OZ_OP_DELETE:
        return 1;

    case NGX_OZ_OP_ACTION:
        return (op->flags & NGX_OZ_OP_DETAIL) != 0;

    default:
        return 0;
    }
}


static json_object *
ngx_openzaak_openapi_operation(ngx_openzaak_resource_t *res,
    ngx_openzaak_operation_t *op, ngx_flag_t head)
{
    u_char        buf[NGX_OPENZAAK_OPENAPI_NAME_LEN], *p, *q, *last;
    json_object  *o, *params, *tags, *body, *content, *media, *schema;

    o = json_object_new_object();
    last = buf + sizeof(buf) - 1;

    if (head) {
        p = ngx_slprintf(buf, last, "%s_head", res->name);
        *p = '\0';
        ngx_openzaak_openapi_add_str(o, "operationId", (char *) buf);

        /* worded as drf-spectacular does, the resource in capitals */
        q = ngx_slprintf(buf, last, "De headers voor een specifiek(e) ");
        p = ngx_slprintf(q, last, "%s", res->name);

        while (q < p) {
            *q = ngx_toupper(*q);
            q++;
        }

        p = ngx_slprintf(p, last, " opvragen ");
        *p = '\0';

        ngx_openzaak_openapi_add_str(o, "description",
                                     "Vraag de headers op die je bij een GET "
                                     "request zou krijgen.");
        ngx_openzaak_openapi_add_str(o, "summary", (char *) buf);

    } else {
        ngx_openzaak_openapi_add_str(o, "operationId", op->operation_id);

        if (op->description) {
            ngx_openzaak_openapi_add_str(o, "description", op->description);
        }

        if (op->summary) {
            ngx_openzaak_openapi_add_str(o, "summary", op->summary);
        }
    }

    params = ngx_openzaak_openapi_parameters(res, op, head);

    if (json_object_array_length(params)) {
        json_object_object_add(o, "parameters", params);

    } else {
        json_object_put(params);
    }

    tags = json_object_new_array();
    json_object_array_add(tags, json_object_new_string(res->parent
                                                  ? res->parent->path
                                                  : res->path));
    json_object_object_add(o, "tags", tags);

    switch (op->kind) {

    case NGX_OZ_OP_CREATE:
    case NGX_OZ_OP_UPDATE:
    case NGX_OZ_OP_PATCH:
        ngx_openzaak_openapi_name(buf, res->schema,
                                  op->kind == NGX_OZ_OP_PATCH
                                  ? NGX_OPENZAAK_SCHEMA_PATCH
                                  : NGX_OPENZAAK_SCHEMA_REQUEST);
        schema = ngx_openzaak_openapi_ref((char *) buf);
        break;

    case NGX_OZ_OP_ACTION:
        /* the descriptor does not describe an action's body, but for a
         * search's: its filters */
        if (op->filters && (op->flags & NGX_OZ_OP_PAGINATED)
            && (op->flags & NGX_OZ_OP_BODY))
        {
            schema = ngx_openzaak_openapi_search(res, op);

        } else {
            schema = (op->flags & NGX_OZ_OP_BODY)
                     ? ngx_openzaak_openapi_type("object", NULL) : NULL;
        }
        break;

    default:
        schema = NULL;
        break;
    }

    if (schema) {
        body = json_object_new_object();
        content = json_object_new_object();
        media = json_object_new_object();
        json_object_object_add(media, "schema", schema);
        json_object_object_add(content, "application/json", media);
        json_object_object_add(body, "content", content);

        /* a search's body may be empty (it is answered with a 400) */
        if (op->kind != NGX_OZ_OP_PATCH
            && !(op->kind == NGX_OZ_OP_ACTION
                 && (op->flags & NGX_OZ_OP_PAGINATED)))
        {
            json_object_object_add(body, "required",
                                   json_object_new_boolean(1));
        }

        json_object_object_add(o, "requestBody", body);
    }

    if (op->scopes) {
        json_object_object_add(o, "security",
                               ngx_openzaak_openapi_security(op));
    }

    json_object_object_add(o, "responses",
                           ngx_openzaak_openapi_responses(res, op, head));

    return o;
}


static json_object *
ngx_openzaak_openapi_parameters(ngx_openzaak_resource_t *res,
    ngx_openzaak_operation_t *op, ngx_flag_t head)
{
    ngx_flag_t                    expand;
    json_object                  *params, *schema, *p, *examples, *ex;
    const ngx_openzaak_filter_t  *f;

    params = json_object_new_array();

    if (op->flags & NGX_OZ_OP_CRS) {
        json_object_array_add(params,
            ngx_openzaak_openapi_param("header", "Accept-Crs",
                                       ngx_openzaak_openapi_crs(),
                                       NGX_OPENZAAK_ACCEPT_CRS_DESC, 0));

        if (!head && ngx_openzaak_openapi_has_body(op)) {
            json_object_array_add(params,
                ngx_openzaak_openapi_param("header", "Content-Crs",
                                           ngx_openzaak_openapi_crs(),
                                           NGX_OPENZAAK_CONTENT_CRS_DESC, 1));
        }
    }

    if (!head && ngx_openzaak_openapi_has_body(op)) {
        schema = ngx_openzaak_openapi_type("string", NULL);
        p = json_object_new_array();
        json_object_array_add(p, json_object_new_string("application/json"));
        json_object_object_add(schema, "enum", p);
        json_object_array_add(params,
            ngx_openzaak_openapi_param("header", "Content-Type", schema,
                                       "Content type van de verzoekinhoud.",
                                       1));
    }

    /* an audited write takes the audit trail's toelichting (and NLX's
     * log record id, which the OAS lists with it) */

    if (res->audit
        && (op->kind == NGX_OZ_OP_CREATE || op->kind == NGX_OZ_OP_UPDATE
            || op->kind == NGX_OZ_OP_PATCH || op->kind == NGX_OZ_OP_DELETE))
    {
        json_object_array_add(params,
            ngx_openzaak_openapi_param("header", "X-Audit-Toelichting",
                ngx_openzaak_openapi_type("string", NULL),
                "Toelichting waarom een bepaald verzoek wordt gedaan", 0));
        json_object_array_add(params,
            ngx_openzaak_openapi_param("header", "X-NLX-Logrecord-ID",
                ngx_openzaak_openapi_type("string", NULL),
                "Identifier of the request, traceable throughout the "
                "network", 0));
    }

    if (op->kind == NGX_OZ_OP_READ && (op->flags & NGX_OZ_OP_ETAG)) {
        p = ngx_openzaak_openapi_param("header", "If-None-Match",
                                       ngx_openzaak_openapi_type("string",
                                                                 NULL),
                                       NGX_OPENZAAK_IF_NONE_MATCH_DESC, 0);
        examples = json_object_new_object();

        ex = json_object_new_object();
        ngx_openzaak_openapi_add_str(ex, "value",
                                     "\"79054025255fb1a26e4bc422aef54eb4\"");
        ngx_openzaak_openapi_add_str(ex, "summary", "Eén ETag-waarde");
        json_object_object_add(examples, "OneValue", ex);

        ex = json_object_new_object();
        ngx_openzaak_openapi_add_str(ex, "value",
                                     "\"79054025255fb1a26e4bc422aef54eb4\", "
                                     "\"e4d909c290d0fb1ca068ffaddf22cbd0\"");
        ngx_openzaak_openapi_add_str(ex, "summary", "Meerdere ETag-waardes");
        json_object_object_add(examples, "MultipleValues", ex);

        json_object_object_add(p, "examples", examples);
        json_object_array_add(params, p);
    }

    if (op->kind == NGX_OZ_OP_READ && !head && res->expand) {
        json_object_array_add(params, ngx_openzaak_openapi_expand(res));
    }

    if (ngx_openzaak_openapi_on_detail(op)) {
        schema = ngx_openzaak_openapi_type("string", "uuid");
        ngx_openzaak_openapi_add_str(schema, "description",
                                     "Unieke resource identifier (UUID4)");
        json_object_array_add(params,
            ngx_openzaak_openapi_param("path", "uuid", schema, NULL, 1));
    }

    if (res->parent) {
        /* the parent's key, after the object's, as in the reference */
        schema = ngx_openzaak_openapi_type("string", "uuid");
        ngx_openzaak_openapi_add_str(schema, "description",
                                     "Unieke resource identifier (UUID4)");
        json_object_array_add(params,
            ngx_openzaak_openapi_param("path", res->parent_param, schema,
                                       NULL, 1));
    }

    if (head) {
        return params;
    }

    expand = (op->kind == NGX_OZ_OP_LIST && res->expand);

    for (f = ngx_openzaak_op_filters(res, op); f->name; f++) {

        if (op->flags & NGX_OZ_OP_BODY) {
            /* a search's filters are its body's members */
            break;
        }

        /* the specs list a list's parameters by name */
        if (expand && ngx_strcmp(f->name, "expand") > 0) {
            json_object_array_add(params, ngx_openzaak_openapi_expand(res));
            expand = 0;
        }

        p = ngx_openzaak_openapi_param("query", f->name,
                                       ngx_openzaak_openapi_filter(f),
                                       f->description,
                                       (f->flags & NGX_OZ_FILTER_REQUIRED)
                                       != 0);

        if (f->flags & NGX_OZ_FILTER_CSV) {
            json_object_object_add(p, "explode", json_object_new_boolean(0));
            ngx_openzaak_openapi_add_str(p, "style", "form");
        }

        json_object_array_add(params, p);
    }

    if (expand) {
        json_object_array_add(params, ngx_openzaak_openapi_expand(res));
    }

    if (op->kind == NGX_OZ_OP_LIST && res->orderings) {
        p = ngx_openzaak_openapi_param("query", "ordering",
                                       ngx_openzaak_openapi_ordering(res),
                                       NGX_OPENZAAK_ORDERING_DESC, 0);
        json_object_object_add(p, "explode", json_object_new_boolean(0));
        ngx_openzaak_openapi_add_str(p, "style", "form");
        json_object_array_add(params, p);
    }

    if (op->flags & NGX_OZ_OP_PAGINATED) {
        json_object_array_add(params,
            ngx_openzaak_openapi_param("query", "page",
                ngx_openzaak_openapi_type("integer", NULL),
                "Een pagina binnen de gepagineerde set resultaten.", 0));

        json_object_array_add(params,
            ngx_openzaak_openapi_param("query", "pageSize",
                ngx_openzaak_openapi_type("integer", NULL),
                "Het aantal resultaten terug te geven per pagina. "
                "(default: 100, maximum: 500).", 0));
    }

    return params;
}


/* The expand parameter: its paths, comma separated (expand.c). */

static json_object *
ngx_openzaak_openapi_expand(ngx_openzaak_resource_t *res)
{
    json_object                  *p, *list, *items, *e;
    const ngx_openzaak_expand_t  *x;

    e = json_object_new_array();

    for (x = res->expand; x->path; x++) {
        json_object_array_add(e, json_object_new_string(x->path));
    }

    items = ngx_openzaak_openapi_type("string", NULL);
    json_object_object_add(items, "enum", e);

    list = ngx_openzaak_openapi_type("array", NULL);
    json_object_object_add(list, "items", items);

    p = ngx_openzaak_openapi_param("query", "expand", list,
                                   "Sluit de gespecifieerde gerelateerde "
                                   "resources in in het antwoord. \n\n", 0);
    json_object_object_add(p, "explode", json_object_new_boolean(0));
    ngx_openzaak_openapi_add_str(p, "style", "form");

    return p;
}


static json_object *
ngx_openzaak_openapi_filter(const ngx_openzaak_filter_t *f)
{
    json_object  *schema, *list;

    schema = ngx_openzaak_openapi_scalar(f->type, f->enums);

    if (!(f->flags & NGX_OZ_FILTER_CSV)) {
        return schema;
    }

    /* a comma separated list: an array, "style: form, explode: false" */

    list = ngx_openzaak_openapi_type("array", NULL);
    json_object_object_add(list, "items", schema);

    return list;
}


/*
 * A list of scope groups that must all be held; a group "a|b" is held
 * with either scope and is written as the reference specs do: "(a | b)".
 */

static json_object *
ngx_openzaak_openapi_security(ngx_openzaak_operation_t *op)
{
    u_char              buf[NGX_OPENZAAK_OPENAPI_NAME_LEN], *p, *last;
    size_t              len;
    ngx_uint_t          n;
    json_object        *sec, *req, *scopes;
    const char         *s, *bar;
    const char *const  *g;

    sec = json_object_new_array();
    req = json_object_new_object();
    scopes = json_object_new_array();
    last = buf + sizeof(buf) - 1;

    for (g = op->scopes; *g; g++) {
        s = *g;
        p = buf + 1;        /* room for "(" */
        n = 0;

        /*
         * "component:scope" alternatives are granted by a rule of the
         * standard (ztc-014: zaken.lezen reads the catalogi), not by the
         * API's own scopes; the reference specs do not list them.
         */

        for ( ;; ) {
            bar = ngx_strchr(s, '|');
            len = bar ? (size_t) (bar - s) : ngx_strlen(s);

            if (ngx_strlchr((u_char *) s, (u_char *) s + len, ':') == NULL) {
                p = ngx_slprintf(p, last, "%s%*s", n++ ? " | " : "", len, s);
            }

            if (bar == NULL) {
                break;
            }

            s = bar + 1;
        }

        if (n > 1) {
            buf[0] = '(';
            p = ngx_slprintf(p, last, ")");
            json_object_array_add(scopes,
                json_object_new_string_len((char *) buf, p - buf));

        } else {
            json_object_array_add(scopes,
                json_object_new_string_len((char *) buf + 1, p - buf - 1));
        }
    }

    json_object_object_add(req, "JWT-Claims", scopes);
    json_object_array_add(sec, req);

    return sec;
}


/*
 * The responses as Open Zaak documents them: every operation lists the
 * errors any request can meet (401, 403, 406, 409, 410, 415, 429, 500);
 * 400 where a body or query is validated, 404 on a resource by uuid.
 * HEAD has its 200 only.
 */

static json_object *
ngx_openzaak_openapi_responses(ngx_openzaak_resource_t *res,
    ngx_openzaak_operation_t *op, ngx_flag_t head)
{
    u_char        buf[NGX_OPENZAAK_OPENAPI_NAME_LEN], *p;
    ngx_int_t     ok;
    ngx_uint_t    i;
    json_object  *responses, *r, *headers, *content, *media, *schema, *h;

    static struct {
        ngx_int_t    status;
        const char  *key;
        const char  *desc;
    }  errors[] = {
        { 400, "400", "Bad request" }, { 401, "401", "Unauthorized" },
        { 403, "403", "Forbidden" }, { 404, "404", "Not found" },
        { 406, "406", "Not acceptable" }, { 409, "409", "Conflict" },
        { 410, "410", "Gone" }, { 412, "412", "Precondition failed" },
        { 415, "415", "Unsupported media type" },
        { 429, "429", "Too many requests" },
        { 500, "500", "Internal server error" }, { 0, NULL, NULL }
    };

    ok = 200;
    schema = NULL;

    switch (op->kind) {

    case NGX_OZ_OP_LIST:
        schema = ngx_openzaak_openapi_type("array", NULL);
        json_object_object_add(schema, "items",
                               ngx_openzaak_openapi_ref(res->schema));
        break;

    case NGX_OZ_OP_CREATE:
        ok = 201;
        schema = ngx_openzaak_openapi_ref(res->schema);
        break;

    case NGX_OZ_OP_DELETE:
        ok = 204;
        break;

    default:
        /* read, update, partial update; an action answers with the
         * resource: the descriptor knows no other answer */
        schema = head ? NULL : ngx_openzaak_openapi_ref(res->schema);
        break;
    }

    if (op->flags & NGX_OZ_OP_PAGINATED) {
        /* a list or a search: a page of resources */
        json_object_put(schema);

        p = ngx_slprintf(buf, buf + sizeof(buf) - 1, "Paginated%sList",
                         res->schema);
        *p = '\0';
        schema = ngx_openzaak_openapi_ref((char *) buf);
    }

    responses = json_object_new_object();

    r = json_object_new_object();
    headers = json_object_new_object();
    json_object_object_add(headers, "API-version",
        ngx_openzaak_openapi_header(NGX_OPENZAAK_API_VERSION_DESC, NULL));

    if (op->kind == NGX_OZ_OP_CREATE) {
        json_object_object_add(headers, "Location",
            ngx_openzaak_openapi_header("URL waar de resource leeft.", "uri"));
    }

    if (op->kind == NGX_OZ_OP_READ && (op->flags & NGX_OZ_OP_ETAG)) {
        json_object_object_add(headers, "ETag",
            ngx_openzaak_openapi_header(NGX_OPENZAAK_ETAG_DESC, NULL));
    }

    if ((op->flags & NGX_OZ_OP_CRS) && ok != 204) {
        h = json_object_new_object();
        json_object_object_add(h, "schema", ngx_openzaak_openapi_crs());
        ngx_openzaak_openapi_add_str(h, "description",
                                     NGX_OPENZAAK_CONTENT_CRS_DESC);
        json_object_object_add(h, "required", json_object_new_boolean(1));
        json_object_object_add(headers, "Content-Crs", h);
    }

    json_object_object_add(r, "headers", headers);

    if (schema) {
        content = json_object_new_object();
        media = json_object_new_object();
        json_object_object_add(media, "schema", schema);
        json_object_object_add(content, "application/json", media);
        json_object_object_add(r, "content", content);
    }

    ngx_openzaak_openapi_add_str(r, "description",
                                 schema == NULL ? "No response body"
                                 : ok == 201 ? "Created" : "OK");

    json_object_object_add(responses,
                           ok == 201 ? "201" : ok == 204 ? "204" : "200", r);

    if (head) {
        return responses;
    }

    for (i = 0; errors[i].status; i++) {

        if (errors[i].status == 400
            && !(op->kind == NGX_OZ_OP_LIST
                 || (op->flags & NGX_OZ_OP_PAGINATED)
                 || ngx_openzaak_openapi_has_body(op)))
        {
            continue;
        }

        /* GeoMixin's 412: the reference also lists it on a DELETE of the
         * resource, which is not checked */
        if (errors[i].status == 412 && !(op->flags & NGX_OZ_OP_CRS)
            && !(op->kind == NGX_OZ_OP_DELETE
                 && ngx_openzaak_openapi_crs_resource(res)))
        {
            continue;
        }

        if (errors[i].status == 404
            && !(ngx_openzaak_openapi_on_detail(op)
                 && op->kind != NGX_OZ_OP_ACTION))
        {
            continue;
        }

        r = json_object_new_object();
        headers = json_object_new_object();
        json_object_object_add(headers, "API-version",
            ngx_openzaak_openapi_header(NGX_OPENZAAK_API_VERSION_DESC, NULL));
        json_object_object_add(r, "headers", headers);

        content = json_object_new_object();
        media = json_object_new_object();
        json_object_object_add(media, "schema",
                               ngx_openzaak_openapi_ref(
                                   errors[i].status == 400 ? "ValidatieFout"
                                                           : "Fout"));
        json_object_object_add(content, "application/problem+json", media);
        json_object_object_add(r, "content", content);

        ngx_openzaak_openapi_add_str(r, "description", errors[i].desc);

        json_object_object_add(responses, errors[i].key, r);
    }

    return responses;
}


/*
 * A named object schema, once: resources and array items; "owner" is the
 * name without "Request" and the like.  An object with a discriminator
 * field becomes a oneOf of its variants, as drf-spectacular writes
 * polymorphic serializers: "Base_<name>" holds the fields all variants
 * have, "<value>_<name>" is allOf the base and the fields of that value.
 */

static void
ngx_openzaak_openapi_component(json_object *schemas, const char *name,
    const char *owner, const ngx_openzaak_field_t *fields,
    ngx_openzaak_schema_mode_e mode)
{
    u_char                       base[NGX_OPENZAAK_OPENAPI_NAME_LEN],
                                 vname[NGX_OPENZAAK_OPENAPI_NAME_LEN], *p;
    json_object                 *o, *oneof, *mapping, *disc, *allof, *v,
                                *own, *props;
    const char *const           *e;
    const ngx_openzaak_field_t  *f, *dfield;

    if (json_object_object_get_ex(schemas, name, NULL)) {
        /* shared by several fields or resources */
        return;
    }

    dfield = NULL;

    for (f = fields; f->name; f++) {
        if ((f->flags & NGX_OZ_DISCRIMINATOR) && f->enums) {
            dfield = f;
            break;
        }
    }

    if (dfield == NULL) {
        json_object_object_add(schemas, name,
                               ngx_openzaak_openapi_object(schemas, owner,
                                                           fields, mode,
                                                           NULL));
        return;
    }

    /* added first, so that the components follow it in the document */

    o = json_object_new_object();
    json_object_object_add(schemas, name, o);

    p = ngx_slprintf(base, base + sizeof(base) - 1, "Base_%s", name);
    *p = '\0';

    json_object_object_add(schemas, (char *) base,
                           ngx_openzaak_openapi_object(schemas, owner, fields,
                                                       mode, ""));

    oneof = json_object_new_array();
    mapping = json_object_new_object();

    for (e = dfield->enums; *e; e++) {
        allof = json_object_new_array();
        json_object_array_add(allof, ngx_openzaak_openapi_ref((char *) base));

        own = ngx_openzaak_openapi_object(schemas, owner, fields, mode, *e);

        if (json_object_object_get_ex(own, "properties", &props)
            && json_object_object_length(props))
        {
            json_object_array_add(allof, own);

        } else {
            json_object_put(own);
        }

        v = json_object_new_object();
        json_object_object_add(v, "allOf", allof);

        p = ngx_slprintf(vname, vname + sizeof(vname) - 1, "%s_%s", *e, name);
        *p = '\0';
        json_object_object_add(schemas, (char *) vname, v);

        v = ngx_openzaak_openapi_ref((char *) vname);
        json_object_array_add(oneof, v);
        json_object_object_add(mapping, *e,
                               json_object_get(json_object_object_get(v,
                                                                      "$ref")));
    }

    json_object_object_add(o, "oneOf", oneof);

    disc = json_object_new_object();
    ngx_openzaak_openapi_add_str(disc, "propertyName", dfield->name);
    json_object_object_add(disc, "mapping", mapping);
    json_object_object_add(o, "discriminator", disc);
}


/*
 * An object schema of the fields; "variant" NULL: all of them, "": those
 * every variant has, else those of that discriminator value.
 */

static json_object *
ngx_openzaak_openapi_object(json_object *schemas, const char *owner,
    const ngx_openzaak_field_t *fields, ngx_openzaak_schema_mode_e mode,
    const char *variant)
{
    json_object                 *o, *props, *required;
    const ngx_openzaak_field_t  *f;

    o = ngx_openzaak_openapi_type("object", NULL);
    props = json_object_new_object();
    required = json_object_new_array();

    for (f = fields; f->name; f++) {

        if (variant && *variant == '\0' && f->variants) {
            continue;
        }

        if (variant && *variant
            && (f->variants == NULL
                || !ngx_openzaak_openapi_in_list(f->variants, variant)))
        {
            continue;
        }

        if (mode == NGX_OPENZAAK_SCHEMA_RESPONSE
            && (f->flags & NGX_OZ_WRITEONLY))
        {
            continue;
        }

        if (mode != NGX_OPENZAAK_SCHEMA_RESPONSE
            && (f->flags & NGX_OZ_READONLY))
        {
            continue;
        }

        json_object_object_add(props, f->name,
                               ngx_openzaak_openapi_field(schemas, owner, f,
                                                          mode));

        /* drf-spectacular: what is always in a response is required
         * there, read-only fields included; nothing is required in a
         * partial update */

        if ((mode == NGX_OPENZAAK_SCHEMA_REQUEST
             && (f->flags & NGX_OZ_REQUIRED))
            || (mode == NGX_OPENZAAK_SCHEMA_RESPONSE
                && (f->flags & (NGX_OZ_REQUIRED|NGX_OZ_READONLY))))
        {
            json_object_array_add(required, json_object_new_string(f->name));
        }
    }

    json_object_object_add(o, "properties", props);

    if (json_object_array_length(required)) {
        json_object_object_add(o, "required", required);

    } else {
        json_object_put(required);
    }

    return o;
}


static json_object *
ngx_openzaak_openapi_field(json_object *schemas, const char *owner,
    const ngx_openzaak_field_t *f, ngx_openzaak_schema_mode_e mode)
{
    u_char                       name[NGX_OPENZAAK_OPENAPI_NAME_LEN];
    json_object                 *o;
    const ngx_openzaak_field_t  *item;

    /* what is nested in a partial update is validated whole */

    if (mode == NGX_OPENZAAK_SCHEMA_PATCH) {
        mode = NGX_OPENZAAK_SCHEMA_REQUEST;
    }

    switch (f->type) {

    case NGX_OZ_ARRAY:
        o = ngx_openzaak_openapi_type("array", NULL);
        item = &f->fields[0];

        if (item->type == NGX_OZ_OBJECT) {
            /* the name of an array item is its schema name */
            ngx_openzaak_openapi_name(name, item->name, mode);
            ngx_openzaak_openapi_component(schemas, (char *) name,
                                           item->name, item->fields, mode);
            json_object_object_add(o, "items",
                                   ngx_openzaak_openapi_ref((char *) name));

        } else {
            json_object_object_add(o, "items",
                                   ngx_openzaak_openapi_field(schemas, owner,
                                                              item, mode));
        }

        if (f->max_length) {
            /* on an array, max_length is the spec's maxItems */
            json_object_object_add(o, "maxItems",
                                   json_object_new_int64(f->max_length));
        }

        if (f->min_length) {
            json_object_object_add(o, "minItems",
                                   json_object_new_int64(f->min_length));
        }

        break;

    case NGX_OZ_OBJECT:
        /* a gegevensgroep; inline, its descriptor names no schema */
        o = ngx_openzaak_openapi_object(schemas, owner, f->fields, mode,
                                        NULL);
        break;

    case NGX_OZ_ENUM:
        o = ngx_openzaak_openapi_enum(schemas, owner, f);
        break;

    case NGX_OZ_ANY:
        /* any value: the empty schema */
        o = json_object_new_object();
        break;

    default:
        o = ngx_openzaak_openapi_scalar(f->type, NULL);

        if (f->format) {
            /* e.g. "uri" for a string that names a relation */
            ngx_openzaak_openapi_add_str(o, "format", f->format);
        }

        if (f->type == NGX_OZ_INTEGER) {
            if (f->max_length) {
                json_object_object_add(o, "minimum",
                                       json_object_new_int64(f->min_length));
                json_object_object_add(o, "maximum",
                                       json_object_new_int64(f->max_length));
            }

            break;
        }

        if (f->type == NGX_OZ_BOOLEAN) {
            break;
        }

        if (mode != NGX_OPENZAAK_SCHEMA_RESPONSE && f->min_length) {
            json_object_object_add(o, "minLength",
                                   json_object_new_int64(f->min_length));
        }

        if (f->max_length) {
            json_object_object_add(o, "maxLength",
                                   json_object_new_int64(f->max_length));
        }

        break;
    }

    if (f->flags & NGX_OZ_READONLY) {
        json_object_object_add(o, "readOnly", json_object_new_boolean(1));
    }

    if (f->flags & NGX_OZ_WRITEONLY) {
        json_object_object_add(o, "writeOnly", json_object_new_boolean(1));
    }

    if (f->flags & NGX_OZ_NULLABLE) {
        json_object_object_add(o, "nullable", json_object_new_boolean(1));
    }

    if (f->description) {
        ngx_openzaak_openapi_add_str(o, "description", f->description);
    }

    return o;
}


/*
 * An enum field: a component "<Field>Enum" with the values (shared by the
 * fields of that name; "<Owner><Field>Enum" when the values differ), and
 * the property refers to it through allOf, or through oneOf together with
 * BlankEnum ("") and NullEnum (null).
 */

static json_object *
ngx_openzaak_openapi_enum(json_object *schemas, const char *owner,
    const ngx_openzaak_field_t *f)
{
    u_char              name[NGX_OPENZAAK_OPENAPI_NAME_LEN], *p, *q;
    ngx_uint_t          attempt;
    json_object        *o, *refs, *e, *list;

    for (attempt = 0; attempt < 2; attempt++) {
        q = ngx_slprintf(name, name + sizeof(name) - 1, "%s",
                         attempt ? owner : "");
        p = ngx_slprintf(q, name + sizeof(name) - 1, "%sEnum", f->name);
        *p = '\0';
        *q = ngx_toupper(*q);

        if (!json_object_object_get_ex(schemas, (char *) name, &e)) {
            json_object_object_add(schemas, (char *) name,
                                   ngx_openzaak_openapi_scalar(NGX_OZ_ENUM,
                                                               f->enums));
            break;
        }

        if (ngx_openzaak_openapi_same_enum(e, f->enums)) {
            break;
        }
    }

    if (attempt == 2) {
        /* no name left: the values inline */
        o = ngx_openzaak_openapi_scalar(NGX_OZ_ENUM, f->enums);

        if (f->flags & (NGX_OZ_ENUM_BLANK|NGX_OZ_BLANK)) {
            json_object_object_get_ex(o, "enum", &list);
            json_object_array_add(list, json_object_new_string(""));
        }

        return o;
    }

    refs = json_object_new_array();
    json_object_array_add(refs, ngx_openzaak_openapi_ref((char *) name));

    o = json_object_new_object();

    if (!(f->flags & (NGX_OZ_ENUM_BLANK|NGX_OZ_BLANK|NGX_OZ_NULLABLE))) {
        json_object_object_add(o, "allOf", refs);
        return o;
    }

    if (f->flags & (NGX_OZ_ENUM_BLANK|NGX_OZ_BLANK)) {
        if (!json_object_object_get_ex(schemas, "BlankEnum", NULL)) {
            e = json_object_new_object();
            list = json_object_new_array();
            json_object_array_add(list, json_object_new_string(""));
            json_object_object_add(e, "enum", list);
            json_object_object_add(schemas, "BlankEnum", e);
        }

        json_object_array_add(refs, ngx_openzaak_openapi_ref("BlankEnum"));
    }

    if (f->flags & NGX_OZ_NULLABLE) {
        if (!json_object_object_get_ex(schemas, "NullEnum", NULL)) {
            e = json_object_new_object();
            list = json_object_new_array();
            json_object_array_add(list, NULL);
            json_object_object_add(e, "enum", list);
            json_object_object_add(schemas, "NullEnum", e);
        }

        json_object_array_add(refs, ngx_openzaak_openapi_ref("NullEnum"));
    }

    json_object_object_add(o, "oneOf", refs);

    return o;
}


/* Whether an enum component has exactly these values. */

static ngx_flag_t
ngx_openzaak_openapi_same_enum(json_object *e, const char *const *enums)
{
    size_t              i, n;
    const char         *s;
    json_object        *values;
    const char *const  *v;

    if (!json_object_object_get_ex(e, "enum", &values)) {
        return 0;
    }

    n = json_object_array_length(values);

    for (i = 0, v = enums; i < n && *v; i++, v++) {
        s = json_object_get_string(json_object_array_get_idx(values, i));

        if (s == NULL || ngx_strcmp(s, *v) != 0) {
            return 0;
        }
    }

    return i == n && *v == NULL;
}


/* The only CRS: EPSG:4326 (WGS84). */

static json_object *
ngx_openzaak_openapi_crs(void)
{
    json_object  *o, *list;

    o = ngx_openzaak_openapi_type("string", NULL);
    list = json_object_new_array();
    json_object_array_add(list, json_object_new_string("EPSG:4326"));
    json_object_object_add(o, "enum", list);

    return o;
}


static ngx_flag_t
ngx_openzaak_openapi_crs_resource(ngx_openzaak_resource_t *res)
{
    const ngx_openzaak_operation_t  *op;

    for (op = res->operations; op->kind; op++) {
        if (op->flags & NGX_OZ_OP_CRS) {
            return 1;
        }
    }

    return 0;
}


/* "ordering": an array of the fields, each also with "-" (descending). */

static json_object *
ngx_openzaak_openapi_ordering(ngx_openzaak_resource_t *res)
{
    u_char                         *p, buf[NGX_OPENZAAK_OPENAPI_NAME_LEN];
    json_object                    *list, *items, *enums;
    const ngx_openzaak_ordering_t  *o;

    enums = json_object_new_array();

    for (o = res->orderings; o->name; o++) {
        p = ngx_slprintf(buf, buf + sizeof(buf) - 1, "-%s", o->name);
        json_object_array_add(enums,
                              json_object_new_string_len((char *) buf,
                                                         p - buf));
    }

    for (o = res->orderings; o->name; o++) {
        json_object_array_add(enums, json_object_new_string(o->name));
    }

    items = ngx_openzaak_openapi_type("string", NULL);
    json_object_object_add(items, "enum", enums);

    list = ngx_openzaak_openapi_type("array", NULL);
    json_object_object_add(list, "items", items);

    return list;
}


/* The body of a search: its filters as members, and "ordering". */

static json_object *
ngx_openzaak_openapi_search(ngx_openzaak_resource_t *res,
    ngx_openzaak_operation_t *op)
{
    json_object                  *schema, *props, *p, *g, *gp;
    const ngx_openzaak_filter_t  *f;

    schema = ngx_openzaak_openapi_type("object", NULL);
    props = json_object_new_object();

    for (f = op->filters; f->name; f++) {

        if (f->type == NGX_OZ_GEOMETRY) {
            /* { "within": a GeoJSON geometry } */
            g = ngx_openzaak_openapi_type("object", NULL);
            gp = json_object_new_object();
            json_object_object_add(gp, "within",
                                   ngx_openzaak_openapi_type("object", NULL));
            json_object_object_add(g, "properties", gp);
            json_object_object_add(props, f->name, g);
            continue;
        }

        if (f->type == NGX_OZ_REF && !(f->flags & NGX_OZ_FILTER_CSV)) {
            /* as the reference: a URL filter is a plain string */
            p = ngx_openzaak_openapi_type("string", NULL);

        } else {
            p = ngx_openzaak_openapi_filter(f);
        }

        if (f->description) {
            ngx_openzaak_openapi_add_str(p, "description", f->description);
        }

        json_object_object_add(props, f->name, p);
    }

    if (res->orderings) {
        p = ngx_openzaak_openapi_ordering(res);
        ngx_openzaak_openapi_add_str(p, "description",
                                     NGX_OPENZAAK_ORDERING_DESC);
        json_object_object_add(props, "ordering", p);
    }

    json_object_object_add(schema, "properties", props);

    return schema;
}


/* The schema of a value of a simple type; of an enum, with its values. */

static json_object *
ngx_openzaak_openapi_scalar(ngx_openzaak_type_e type,
    const char *const *enums)
{
    json_object        *o, *list;
    const char *const  *e;

    switch (type) {

    case NGX_OZ_BOOLEAN:
        return ngx_openzaak_openapi_type("boolean", NULL);

    case NGX_OZ_INTEGER:
        return ngx_openzaak_openapi_type("integer", NULL);

    case NGX_OZ_DATE:
        return ngx_openzaak_openapi_type("string", "date");

    case NGX_OZ_DATETIME:
        return ngx_openzaak_openapi_type("string", "date-time");

    case NGX_OZ_DURATION:
        return ngx_openzaak_openapi_type("string", "duration");

    case NGX_OZ_URI:
    case NGX_OZ_REF:
        return ngx_openzaak_openapi_type("string", "uri");

    case NGX_OZ_UUID:
        return ngx_openzaak_openapi_type("string", "uuid");

    case NGX_OZ_ENUM:
        o = json_object_new_object();
        list = json_object_new_array();

        for (e = enums; e && *e; e++) {
            json_object_array_add(list, json_object_new_string(*e));
        }

        json_object_object_add(o, "enum", list);
        ngx_openzaak_openapi_add_str(o, "type", "string");

        return o;

    default:
        o = ngx_openzaak_openapi_type("string", NULL);

        if (enums) {
            list = json_object_new_array();

            for (e = enums; *e; e++) {
                json_object_array_add(list, json_object_new_string(*e));
            }

            json_object_object_add(o, "enum", list);
        }

        return o;
    }
}


static json_object *
ngx_openzaak_openapi_paginated(const char *schema)
{
    json_object  *list, *required, *props, *o;

    list = ngx_openzaak_openapi_type("object", NULL);

    required = json_object_new_array();
    json_object_array_add(required, json_object_new_string("count"));
    json_object_array_add(required, json_object_new_string("results"));
    json_object_object_add(list, "required", required);

    props = json_object_new_object();

    o = ngx_openzaak_openapi_type("integer", NULL);
    json_object_object_add(o, "example", json_object_new_int(123));
    json_object_object_add(props, "count", o);

    o = ngx_openzaak_openapi_type("string", "uri");
    json_object_object_add(o, "nullable", json_object_new_boolean(1));
    ngx_openzaak_openapi_add_str(o, "example",
                                 "http://api.example.org/accounts/?page=4");
    json_object_object_add(props, "next", o);

    o = ngx_openzaak_openapi_type("string", "uri");
    json_object_object_add(o, "nullable", json_object_new_boolean(1));
    ngx_openzaak_openapi_add_str(o, "example",
                                 "http://api.example.org/accounts/?page=2");
    json_object_object_add(props, "previous", o);

    o = ngx_openzaak_openapi_type("array", NULL);
    json_object_object_add(o, "items", ngx_openzaak_openapi_ref(schema));
    json_object_object_add(props, "results", o);

    json_object_object_add(list, "properties", props);

    return list;
}


/* Fout, ValidatieFout and FieldValidationError: the problem+json bodies. */

static void
ngx_openzaak_openapi_errors(json_object *schemas)
{
    ngx_uint_t    i, j;
    json_object  *fout, *props, *p, *req;

    static const char  *fields[] = {
        "type", "code", "title", "status", "detail", "instance", NULL
    };

    static const char  *descs[] = {
        "URI referentie naar het type fout, bedoeld voor developers",
        "Systeemcode die het type fout aangeeft",
        "Generieke titel voor het type fout",
        "De HTTP status code",
        "Extra informatie bij de fout, indien beschikbaar",
        /* one string: the parentheses tell clang the missing comma is
         * meant (-Wstring-concatenation) */
        ("URI met referentie naar dit specifiek voorkomen van de fout. Deze "
         "kan gebruikt worden in combinatie met server logs, bijvoorbeeld.")
    };

    static const char  *vfields[][2] = {
        { "name", "Naam van het veld met ongeldige gegevens" },
        { "code", "Systeemcode die het type fout aangeeft" },
        { "reason", "Uitleg wat er precies fout is met de gegevens" },
        { NULL, NULL }
    };

    for (i = 0; i < 2; i++) {
        fout = ngx_openzaak_openapi_type("object", NULL);
        ngx_openzaak_openapi_add_str(fout, "description",
                                     "Formaat van HTTP 4xx en 5xx fouten.");

        props = json_object_new_object();

        for (j = 0; fields[j]; j++) {
            p = ngx_openzaak_openapi_type(j == 3 ? "integer" : "string",
                                          NULL);
            ngx_openzaak_openapi_add_str(p, "description", descs[j]);
            json_object_object_add(props, fields[j], p);
        }

        req = json_object_new_array();
        json_object_array_add(req, json_object_new_string("code"));
        json_object_array_add(req, json_object_new_string("detail"));
        json_object_array_add(req, json_object_new_string("instance"));

        if (i == 1) {
            p = ngx_openzaak_openapi_type("array", NULL);
            json_object_object_add(p, "items", ngx_openzaak_openapi_ref(
                                   "FieldValidationError"));
            json_object_object_add(props, "invalidParams", p);
            json_object_array_add(req,
                                  json_object_new_string("invalidParams"));
        }

        json_object_array_add(req, json_object_new_string("status"));
        json_object_array_add(req, json_object_new_string("title"));

        json_object_object_add(fout, "properties", props);
        json_object_object_add(fout, "required", req);

        json_object_object_add(schemas, i ? "ValidatieFout" : "Fout", fout);
    }

    fout = ngx_openzaak_openapi_type("object", NULL);
    ngx_openzaak_openapi_add_str(fout, "description",
                                 "Formaat van validatiefouten.");
    props = json_object_new_object();
    req = json_object_new_array();

    for (j = 0; vfields[j][0]; j++) {
        p = ngx_openzaak_openapi_type("string", NULL);
        ngx_openzaak_openapi_add_str(p, "description", vfields[j][1]);
        json_object_object_add(props, vfields[j][0], p);
    }

    json_object_array_add(req, json_object_new_string("code"));
    json_object_array_add(req, json_object_new_string("name"));
    json_object_array_add(req, json_object_new_string("reason"));

    json_object_object_add(fout, "properties", props);
    json_object_object_add(fout, "required", req);

    json_object_object_add(schemas, "FieldValidationError", fout);
}


static json_object *
ngx_openzaak_openapi_ref(const char *name)
{
    u_char        buf[NGX_OPENZAAK_OPENAPI_NAME_LEN + 32], *p;
    json_object  *o;

    p = ngx_slprintf(buf, buf + sizeof(buf) - 1, "#/components/schemas/%s",
                     name);
    *p = '\0';

    o = json_object_new_object();
    ngx_openzaak_openapi_add_str(o, "$ref", (char *) buf);

    return o;
}


static json_object *
ngx_openzaak_openapi_type(const char *type, const char *format)
{
    json_object  *o;

    o = json_object_new_object();
    ngx_openzaak_openapi_add_str(o, "type", type);

    if (format) {
        ngx_openzaak_openapi_add_str(o, "format", format);
    }

    return o;
}


static json_object *
ngx_openzaak_openapi_header(const char *desc, const char *format)
{
    json_object  *h;

    h = json_object_new_object();
    json_object_object_add(h, "schema",
                           ngx_openzaak_openapi_type("string", format));
    ngx_openzaak_openapi_add_str(h, "description", desc);

    return h;
}


static json_object *
ngx_openzaak_openapi_param(const char *in, const char *name,
    json_object *schema, const char *desc, ngx_flag_t required)
{
    json_object  *p;

    p = json_object_new_object();
    ngx_openzaak_openapi_add_str(p, "in", in);
    ngx_openzaak_openapi_add_str(p, "name", name);
    json_object_object_add(p, "schema", schema);

    if (desc) {
        ngx_openzaak_openapi_add_str(p, "description", desc);
    }

    if (required) {
        json_object_object_add(p, "required", json_object_new_boolean(1));
    }

    return p;
}


/* The component name of a schema in a mode: X, XRequest, PatchedXRequest;
 * buf has NGX_OPENZAAK_OPENAPI_NAME_LEN bytes. */

static void
ngx_openzaak_openapi_name(u_char *buf, const char *name,
    ngx_openzaak_schema_mode_e mode)
{
    u_char  *p;

    p = ngx_slprintf(buf, buf + NGX_OPENZAAK_OPENAPI_NAME_LEN - 1, "%s%s%s",
                     mode == NGX_OPENZAAK_SCHEMA_PATCH ? "Patched" : "",
                     name,
                     mode == NGX_OPENZAAK_SCHEMA_RESPONSE ? "" : "Request");
    *p = '\0';
}


/* Whether a space separated list holds the word. */

static ngx_flag_t
ngx_openzaak_openapi_in_list(const char *list, const char *word)
{
    size_t       len;
    const char  *s;

    len = ngx_strlen(word);

    for (s = list; *s; /* void */) {

        if (ngx_strncmp(s, word, len) == 0 && (s[len] == ' ' || s[len] == '\0'))
        {
            return 1;
        }

        while (*s && *s != ' ') {
            s++;
        }

        while (*s == ' ') {
            s++;
        }
    }

    return 0;
}


static void
ngx_openzaak_openapi_add_str(json_object *o, const char *key,
    const char *value)
{
    json_object_object_add(o, key, json_object_new_string(value));
}


/* ---------------------------------------------------------------- YAML */


/*
 * Block style YAML of the JSON document.  Strings are double-quoted
 * scalars: their escapes are JSON's, so any text survives; keys are plain
 * where YAML cannot read them as anything but the string.
 */

static void
ngx_openzaak_yaml_members(ngx_openzaak_sb_t *sb, json_object *v,
    ngx_uint_t indent, ngx_flag_t continued)
{
    ngx_flag_t  first;

    first = 1;

    json_object_object_foreach(v, key, val) {

        /* the first member of a sequence item follows its "- " */

        if (!(first && continued)) {
            ngx_openzaak_yaml_indent(sb, indent);
        }

        first = 0;

        ngx_openzaak_yaml_text(sb, key, ngx_strlen(key));
        ngx_openzaak_sb_add(sb, ":");
        ngx_openzaak_yaml_value(sb, val, indent + 1);
    }
}


static void
ngx_openzaak_yaml_items(ngx_openzaak_sb_t *sb, json_object *v,
    ngx_uint_t indent)
{
    size_t        i, n;
    json_object  *item;

    n = json_object_array_length(v);

    for (i = 0; i < n; i++) {
        item = json_object_array_get_idx(v, i);

        ngx_openzaak_yaml_indent(sb, indent);
        ngx_openzaak_sb_add(sb, "- ");

        if (json_object_is_type(item, json_type_object)
            && json_object_object_length(item))
        {
            ngx_openzaak_yaml_members(sb, item, indent + 1, 1);
            continue;
        }

        /* anything else fits on the line: an empty collection, a scalar,
         * or a sequence in flow style (JSON is valid there) */

        ngx_openzaak_yaml_scalar(sb, item);
        ngx_openzaak_sb_add(sb, "\n");
    }
}


/* The value of a mapping member, after its "key:". */

static void
ngx_openzaak_yaml_value(ngx_openzaak_sb_t *sb, json_object *v,
    ngx_uint_t indent)
{
    if (json_object_is_type(v, json_type_object)
        && json_object_object_length(v))
    {
        ngx_openzaak_sb_add(sb, "\n");
        ngx_openzaak_yaml_members(sb, v, indent, 0);
        return;
    }

    if (json_object_is_type(v, json_type_array)
        && json_object_array_length(v))
    {
        ngx_openzaak_sb_add(sb, "\n");
        ngx_openzaak_yaml_items(sb, v, indent);
        return;
    }

    ngx_openzaak_sb_add(sb, " ");
    ngx_openzaak_yaml_scalar(sb, v);
    ngx_openzaak_sb_add(sb, "\n");
}


static void
ngx_openzaak_yaml_indent(ngx_openzaak_sb_t *sb, ngx_uint_t indent)
{
    static const char  spaces[] = "                                ";

    indent *= 2;

    while (indent > sizeof(spaces) - 1) {
        ngx_openzaak_sb_addn(sb, spaces, sizeof(spaces) - 1);
        indent -= sizeof(spaces) - 1;
    }

    ngx_openzaak_sb_addn(sb, spaces, indent);
}


/*
 * A key or string value: plain where YAML can read it as nothing but that
 * string (a name, a media type, a path), else double-quoted.
 */

static void
ngx_openzaak_yaml_text(ngx_openzaak_sb_t *sb, const char *s, size_t len)
{
    size_t       i;
    ngx_uint_t   k;

    /* words YAML 1.1 reads as booleans or null when plain */
    static const char  *reserved[] = {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", NULL
    };

    if (len == 0 || len > 128
        || !(ngx_openzaak_isalpha(s[0]) || s[0] == '_' || s[0] == '/'
             || s[0] == '$'))
    {
        goto quoted;
    }

    for (i = 0; i < len; i++) {
        if (!(ngx_openzaak_isalnum(s[i]) || s[i] == '_' || s[i] == '-'
              || s[i] == '.' || s[i] == '/' || s[i] == '{' || s[i] == '}'
              || s[i] == '$' || s[i] == '+'))
        {
            goto quoted;
        }
    }

    for (k = 0; reserved[k]; k++) {
        if (len == ngx_strlen(reserved[k])
            && ngx_strncasecmp((u_char *) s, (u_char *) reserved[k], len)
               == 0)
        {
            goto quoted;
        }
    }

    ngx_openzaak_sb_addn(sb, s, len);
    return;

quoted:

    ngx_openzaak_yaml_string(sb, (u_char *) s, len);
}


static void
ngx_openzaak_yaml_scalar(ngx_openzaak_sb_t *sb, json_object *v)
{
    size_t       len;
    const char  *s;

    if (json_object_is_type(v, json_type_string)) {
        ngx_openzaak_yaml_text(sb, json_object_get_string(v),
                               json_object_get_string_len(v));
        return;
    }

    /* numbers, booleans, null, empty collections and flow sequences read
     * the same in YAML as in JSON */

    s = json_object_to_json_string_length(v, JSON_C_TO_STRING_PLAIN
                                             | JSON_C_TO_STRING_NOSLASHESCAPE,
                                          &len);
    ngx_openzaak_sb_addn(sb, s, len);
}


/*
 * A double-quoted scalar.  Besides what JSON escapes, YAML wants escaped
 * what it does not print (DEL, the C1 controls, the byte order mark) or
 * would read as a line break (NEL, U+2028, U+2029).
 */

static void
ngx_openzaak_yaml_string(ngx_openzaak_sb_t *sb, const u_char *s, size_t len)
{
    u_char        c, buf[8];
    size_t        skip;
    ngx_uint_t    code;
    const u_char  *p, *end, *start;

    ngx_openzaak_sb_add(sb, "\"");

    start = s;
    end = s + len;

    for (p = s; p < end; p++) {
        c = *p;
        code = 0;
        skip = 0;

        if (c == '"' || c == '\\') {
            code = c;

        } else if (c < 0x20 || c == 0x7f) {
            code = c;

        } else if (c == 0xc2 && end - p > 1 && p[1] >= 0x80 && p[1] <= 0x9f) {
            code = p[1];
            skip = 1;

        } else if (c == 0xe2 && end - p > 2 && p[1] == 0x80
                   && (p[2] == 0xa8 || p[2] == 0xa9))
        {
            code = 0x2000 + p[2] - 0x80;
            skip = 2;

        } else if (c == 0xef && end - p > 2 && p[1] == 0xbb && p[2] == 0xbf) {
            code = 0xfeff;
            skip = 2;

        } else {
            continue;
        }

        ngx_openzaak_sb_addn(sb, start, p - start);

        switch (code) {
        case '"':
            ngx_openzaak_sb_add(sb, "\\\"");
            break;
        case '\\':
            ngx_openzaak_sb_add(sb, "\\\\");
            break;
        case '\n':
            ngx_openzaak_sb_add(sb, "\\n");
            break;
        case '\t':
            ngx_openzaak_sb_add(sb, "\\t");
            break;
        case '\r':
            ngx_openzaak_sb_add(sb, "\\r");
            break;
        default:
            ngx_openzaak_sb_addn(sb, buf,
                                 ngx_sprintf(buf, "\\u%04xi", code) - buf);
            break;
        }

        p += skip;
        start = p + 1;
    }

    ngx_openzaak_sb_addn(sb, start, end - start);
    ngx_openzaak_sb_add(sb, "\"");
}
