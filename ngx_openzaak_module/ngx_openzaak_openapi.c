/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The OpenAPI 3.0 document of an API, rendered from the same descriptors
 * the engine runs on: what is served is what is implemented.  Built once
 * per process and served as JSON and as YAML.
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


static json_object *ngx_openzaak_openapi_doc(ngx_openzaak_api_t *api);
static void ngx_openzaak_openapi_resource(json_object *paths,
    json_object *schemas, ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res);
static json_object *ngx_openzaak_openapi_operation(ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op,
    ngx_flag_t head);
static json_object *ngx_openzaak_openapi_object(const char *owner,
    const ngx_openzaak_field_t *fields, ngx_openzaak_schema_mode_e mode,
    json_object *schemas, const char *variant, ngx_flag_t top);
static json_object *ngx_openzaak_openapi_field(const char *owner,
    const ngx_openzaak_field_t *f, ngx_openzaak_schema_mode_e mode,
    json_object *schemas);
static json_object *ngx_openzaak_openapi_ref(const char *name);
static json_object *ngx_openzaak_openapi_responses(ngx_openzaak_api_t *api,
    ngx_uint_t ok, json_object *okschema, ngx_uint_t flags);
static void ngx_openzaak_openapi_common(json_object *schemas);
static json_object *ngx_openzaak_openapi_header(const char *desc);
static json_object *ngx_openzaak_openapi_param(const char *in,
    const char *name, json_object *schema, const char *desc,
    ngx_flag_t required);
static void ngx_openzaak_yaml(ngx_openzaak_sb_t *sb, json_object *v,
    ngx_uint_t indent, ngx_flag_t in_seq);
static void ngx_openzaak_yaml_key(ngx_openzaak_sb_t *sb, const char *key);
static void ngx_openzaak_yaml_scalar(ngx_openzaak_sb_t *sb, json_object *v);


#define NGX_OZ_RESP_BODY_400  0x01
#define NGX_OZ_RESP_404       0x02
#define NGX_OZ_RESP_ETAG      0x04
#define NGX_OZ_RESP_LOCATION  0x08
#define NGX_OZ_RESP_415       0x10
#define NGX_OZ_RESP_NOBODY    0x20


ngx_int_t
ngx_openzaak_openapi_init(ngx_pool_t *pool, ngx_openzaak_api_t *api)
{
    size_t              len;
    const char         *s;
    json_object        *doc;
    ngx_openzaak_sb_t   sb;

    doc = ngx_openzaak_openapi_doc(api);
    if (doc == NULL) {
        return NGX_ERROR;
    }

    s = json_object_to_json_string_length(doc, JSON_C_TO_STRING_PLAIN
                                               | JSON_C_TO_STRING_NOSLASHESCAPE,
                                          &len);

    api->openapi_json.data = ngx_pnalloc(pool, len);
    if (api->openapi_json.data == NULL) {
        json_object_put(doc);
        return NGX_ERROR;
    }

    ngx_memcpy(api->openapi_json.data, s, len);
    api->openapi_json.len = len;

    ngx_openzaak_sb_init(&sb, pool, 4 * len);
    ngx_openzaak_yaml(&sb, doc, 0, 0);

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
ngx_openzaak_openapi_doc(ngx_openzaak_api_t *api)
{
    json_object               *doc, *info, *license, *servers, *server,
                              *paths, *components, *schemas, *security,
                              *jwt, *tags, *tag;
    ngx_openzaak_resource_t  **res;

    doc = json_object_new_object();

    json_object_object_add(doc, "openapi", json_object_new_string("3.0.3"));

    info = json_object_new_object();
    json_object_object_add(info, "title", json_object_new_string(api->title));
    json_object_object_add(info, "version",
                           json_object_new_string(api->version));
    json_object_object_add(info, "description",
                           json_object_new_string(api->description));

    license = json_object_new_object();
    json_object_object_add(license, "name", json_object_new_string("EUPL 1.2"));
    json_object_object_add(license, "url", json_object_new_string(
                           "https://opensource.org/licenses/EUPL-1.2"));
    json_object_object_add(info, "license", license);
    json_object_object_add(doc, "info", info);

    paths = json_object_new_object();
    schemas = json_object_new_object();
    tags = json_object_new_array();

    for (res = api->resources; *res; res++) {
        ngx_openzaak_openapi_resource(paths, schemas, api, *res);

        tag = json_object_new_object();
        json_object_object_add(tag, "name",
                               json_object_new_string((*res)->path));
        json_object_array_add(tags, tag);
    }

    ngx_openzaak_openapi_common(schemas);

    json_object_object_add(doc, "paths", paths);

    components = json_object_new_object();
    json_object_object_add(components, "schemas", schemas);

    security = json_object_new_object();
    jwt = json_object_new_object();
    json_object_object_add(jwt, "type", json_object_new_string("http"));
    json_object_object_add(jwt, "scheme", json_object_new_string("bearer"));
    json_object_object_add(jwt, "bearerFormat", json_object_new_string("JWT"));
    json_object_object_add(security, "JWT-Claims", jwt);
    json_object_object_add(components, "securitySchemes", security);

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


static void
ngx_openzaak_openapi_resource(json_object *paths, json_object *schemas,
    ngx_openzaak_api_t *api, ngx_openzaak_resource_t *res)
{
    u_char                     buf[256], *p;
    json_object               *coll, *detail, *item, *list, *props, *o;
    const char                *method;
    ngx_openzaak_operation_t  *op;

    coll = NULL;
    detail = NULL;

    for (op = (ngx_openzaak_operation_t *) res->operations; op->kind; op++) {

        switch (op->kind) {

        case NGX_OZ_OP_LIST:
        case NGX_OZ_OP_CREATE:
            if (coll == NULL) {
                coll = json_object_new_object();
            }
            json_object_object_add(coll,
                                   op->kind == NGX_OZ_OP_LIST ? "get" : "post",
                                   ngx_openzaak_openapi_operation(api, res, op,
                                                                  0));
            break;

        case NGX_OZ_OP_ACTION:
            if (op->flags & NGX_OZ_OP_DETAIL) {
                p = ngx_snprintf(buf, sizeof(buf) - 1, "/%s/{uuid}/%s",
                                 res->path, op->action);
            } else {
                p = ngx_snprintf(buf, sizeof(buf) - 1, "/%s/%s", res->path,
                                 op->action);
            }
            *p = '\0';

            item = json_object_new_object();
            method = (op->method == NGX_HTTP_POST) ? "post" : "get";
            json_object_object_add(item, method,
                                   ngx_openzaak_openapi_operation(api, res, op,
                                                                  0));
            json_object_object_add(paths, (char *) buf, item);
            break;

        default:
            if (detail == NULL) {
                detail = json_object_new_object();
            }

            method = (op->kind == NGX_OZ_OP_READ) ? "get"
                     : (op->kind == NGX_OZ_OP_UPDATE) ? "put"
                     : (op->kind == NGX_OZ_OP_PATCH) ? "patch" : "delete";

            json_object_object_add(detail, method,
                                   ngx_openzaak_openapi_operation(api, res, op,
                                                                  0));

            if (op->kind == NGX_OZ_OP_READ && (op->flags & NGX_OZ_OP_HEAD)) {
                json_object_object_add(detail, "head",
                                       ngx_openzaak_openapi_operation(api, res,
                                                                      op, 1));
            }
            break;
        }
    }

    if (coll) {
        p = ngx_snprintf(buf, sizeof(buf) - 1, "/%s", res->path);
        *p = '\0';
        json_object_object_add(paths, (char *) buf, coll);
    }

    if (detail) {
        p = ngx_snprintf(buf, sizeof(buf) - 1, "/%s/{uuid}", res->path);
        *p = '\0';
        json_object_object_add(paths, (char *) buf, detail);
    }

    /* the resource schemas */

    json_object_object_add(schemas, res->schema,
                           ngx_openzaak_openapi_object(res->schema,
                                                       res->fields,
                                                       NGX_OPENZAAK_SCHEMA_RESPONSE,
                                                       schemas, NULL, 1));

    p = ngx_snprintf(buf, sizeof(buf) - 1, "%sRequest", res->schema);
    *p = '\0';
    json_object_object_add(schemas, (char *) buf,
                           ngx_openzaak_openapi_object(res->schema,
                                                       res->fields,
                                                       NGX_OPENZAAK_SCHEMA_REQUEST,
                                                       schemas, NULL, 1));

    p = ngx_snprintf(buf, sizeof(buf) - 1, "Patched%sRequest", res->schema);
    *p = '\0';
    json_object_object_add(schemas, (char *) buf,
                           ngx_openzaak_openapi_object(res->schema,
                                                       res->fields,
                                                       NGX_OPENZAAK_SCHEMA_PATCH,
                                                       schemas, NULL, 1));

    /* the page of a paginated list */

    list = json_object_new_object();
    json_object_object_add(list, "type", json_object_new_string("object"));

    o = json_object_new_array();
    json_object_array_add(o, json_object_new_string("count"));
    json_object_array_add(o, json_object_new_string("results"));
    json_object_object_add(list, "required", o);

    props = json_object_new_object();

    o = json_object_new_object();
    json_object_object_add(o, "type", json_object_new_string("integer"));
    json_object_object_add(o, "example", json_object_new_int(123));
    json_object_object_add(props, "count", o);

    o = json_object_new_object();
    json_object_object_add(o, "type", json_object_new_string("string"));
    json_object_object_add(o, "nullable", json_object_new_boolean(1));
    json_object_object_add(o, "format", json_object_new_string("uri"));
    json_object_object_add(props, "next", o);

    o = json_object_new_object();
    json_object_object_add(o, "type", json_object_new_string("string"));
    json_object_object_add(o, "nullable", json_object_new_boolean(1));
    json_object_object_add(o, "format", json_object_new_string("uri"));
    json_object_object_add(props, "previous", o);

    o = json_object_new_object();
    json_object_object_add(o, "type", json_object_new_string("array"));
    json_object_object_add(o, "items", ngx_openzaak_openapi_ref(res->schema));
    json_object_object_add(props, "results", o);

    json_object_object_add(list, "properties", props);

    p = ngx_snprintf(buf, sizeof(buf) - 1, "Paginated%sList", res->schema);
    *p = '\0';
    json_object_object_add(schemas, (char *) buf, list);
}


static json_object *
ngx_openzaak_openapi_operation(ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op,
    ngx_flag_t head)
{
    u_char                       buf[256], *p;
    json_object                 *o, *params, *schema, *tags, *sec, *req,
                                *scopes, *body, *content, *tmp;
    ngx_uint_t                   flags, ok;
    const char                  *s, *bar;
    const char *const           *g;
    const ngx_openzaak_filter_t *f;

    o = json_object_new_object();

    if (head) {
        p = ngx_snprintf(buf, sizeof(buf) - 1, "%s_head", res->name);
        *p = '\0';
        json_object_object_add(o, "operationId",
                               json_object_new_string((char *) buf));
        json_object_object_add(o, "summary", json_object_new_string(
            "De headers voor een specifiek(e) object opvragen "));
        json_object_object_add(o, "description", json_object_new_string(
            "Vraag de headers op die je bij een GET request zou krijgen."));

    } else {
        json_object_object_add(o, "operationId",
                               json_object_new_string(op->operation_id));

        if (op->summary) {
            json_object_object_add(o, "summary",
                                   json_object_new_string(op->summary));
        }

        if (op->description) {
            json_object_object_add(o, "description",
                                   json_object_new_string(op->description));
        }
    }

    params = json_object_new_array();

    if (op->kind == NGX_OZ_OP_READ || op->kind == NGX_OZ_OP_UPDATE
        || op->kind == NGX_OZ_OP_PATCH || op->kind == NGX_OZ_OP_DELETE
        || (op->kind == NGX_OZ_OP_ACTION && (op->flags & NGX_OZ_OP_DETAIL)))
    {
        schema = json_object_new_object();
        json_object_object_add(schema, "type", json_object_new_string("string"));
        json_object_object_add(schema, "format", json_object_new_string("uuid"));
        json_object_array_add(params,
            ngx_openzaak_openapi_param("path", "uuid", schema,
                                       "Unieke resource identifier (UUID4)",
                                       1));
    }

    if (!head) {
        for (f = ngx_openzaak_op_filters(res, op); f->name; f++) {
            schema = json_object_new_object();

            if (f->flags & NGX_OZ_FILTER_CSV) {
                json_object_object_add(schema, "type",
                                       json_object_new_string("array"));
                json_object_object_add(schema, "items",
                                       json_object_new_object());
                json_object_object_add(
                    json_object_object_get(schema, "items"), "type",
                    json_object_new_string("string"));

            } else {
                json_object_object_add(schema, "type", json_object_new_string(
                    f->type == NGX_OZ_BOOLEAN ? "boolean"
                    : f->type == NGX_OZ_INTEGER ? "integer" : "string"));

                if (f->type == NGX_OZ_DATE) {
                    json_object_object_add(schema, "format",
                                           json_object_new_string("date"));
                } else if (f->type == NGX_OZ_URI || f->type == NGX_OZ_REF) {
                    json_object_object_add(schema, "format",
                                           json_object_new_string("uri"));
                }

                if (f->enums) {
                    const char *const  *e;
                    json_object        *en = json_object_new_array();

                    for (e = f->enums; *e; e++) {
                        json_object_array_add(en, json_object_new_string(*e));
                    }
                    json_object_object_add(schema, "enum", en);
                }
            }

            json_object_array_add(params,
                ngx_openzaak_openapi_param("query", f->name, schema,
                                           f->description,
                                           (f->flags & NGX_OZ_FILTER_REQUIRED)
                                           != 0));

            if (f->flags & NGX_OZ_FILTER_CSV) {
                json_object  *last;

                last = json_object_array_get_idx(params,
                           json_object_array_length(params) - 1);
                json_object_object_add(last, "explode",
                                       json_object_new_boolean(0));
                json_object_object_add(last, "style",
                                       json_object_new_string("form"));
            }
        }

        if (op->flags & NGX_OZ_OP_PAGINATED) {
            schema = json_object_new_object();
            json_object_object_add(schema, "type",
                                   json_object_new_string("integer"));
            json_object_array_add(params,
                ngx_openzaak_openapi_param("query", "page", schema,
                    "Een pagina binnen de gepagineerde set resultaten.", 0));

            schema = json_object_new_object();
            json_object_object_add(schema, "type",
                                   json_object_new_string("integer"));
            json_object_array_add(params,
                ngx_openzaak_openapi_param("query", "pageSize", schema,
                    "Het aantal resultaten terug te geven per pagina. "
                    "(default: 100, maximum: 500).", 0));
        }
    }

    if (op->flags & NGX_OZ_OP_ETAG) {
        schema = json_object_new_object();
        json_object_object_add(schema, "type", json_object_new_string("string"));
        json_object_array_add(params,
            ngx_openzaak_openapi_param("header", "If-None-Match", schema,
                "Voer een voorwaardelijk verzoek uit. Deze header moet één of "
                "meerdere ETag-waardes bevatten van resources die de consumer "
                "gecached heeft. Indien de waarde van de ETag van de huidige "
                "resource voorkomt in deze set, dan antwoordt de provider met "
                "een lege HTTP 304 request. Zie [MDN](https://developer.mozilla"
                ".org/en-US/docs/Web/HTTP/Headers/If-None-Match) voor meer "
                "informatie.", 0));
    }

    body = NULL;

    if (op->kind == NGX_OZ_OP_CREATE || op->kind == NGX_OZ_OP_UPDATE
        || op->kind == NGX_OZ_OP_PATCH
        || (op->kind == NGX_OZ_OP_ACTION && (op->flags & NGX_OZ_OP_BODY)))
    {
        schema = json_object_new_object();
        json_object_object_add(schema, "type", json_object_new_string("string"));
        tmp = json_object_new_array();
        json_object_array_add(tmp, json_object_new_string("application/json"));
        json_object_object_add(schema, "enum", tmp);
        json_object_array_add(params,
            ngx_openzaak_openapi_param("header", "Content-Type", schema,
                                       "Content type van de verzoekinhoud.",
                                       1));

        if (op->kind != NGX_OZ_OP_ACTION) {
            p = ngx_snprintf(buf, sizeof(buf) - 1, "%s%sRequest",
                             op->kind == NGX_OZ_OP_PATCH ? "Patched" : "",
                             res->schema);
            *p = '\0';

            body = json_object_new_object();
            content = json_object_new_object();
            tmp = json_object_new_object();
            json_object_object_add(tmp, "schema",
                                   ngx_openzaak_openapi_ref((char *) buf));
            json_object_object_add(content, "application/json", tmp);
            json_object_object_add(body, "content", content);
            json_object_object_add(body, "required",
                                   json_object_new_boolean(
                                       op->kind != NGX_OZ_OP_PATCH));
        }
    }

    if (json_object_array_length(params)) {
        json_object_object_add(o, "parameters", params);
    } else {
        json_object_put(params);
    }

    tags = json_object_new_array();
    json_object_array_add(tags, json_object_new_string(res->path));
    json_object_object_add(o, "tags", tags);

    if (body) {
        json_object_object_add(o, "requestBody", body);
    }

    sec = json_object_new_array();
    req = json_object_new_object();
    scopes = json_object_new_array();

    for (g = op->scopes; g && *g; g++) {
        s = *g;

        if (ngx_strchr(s, '|') == NULL) {
            json_object_array_add(scopes, json_object_new_string(s));
            continue;
        }

        /* an OR group, written as the OAS does: "(a | b)" */
        p = buf;
        *p++ = '(';

        while (*s) {
            bar = ngx_strchr(s, '|');
            if (bar == NULL) {
                bar = s + ngx_strlen(s);
            }

            p = ngx_cpymem(p, s, bar - s);
            s = *bar ? bar + 1 : bar;

            if (*s) {
                p = ngx_cpymem(p, " | ", 3);
            }
        }

        *p++ = ')';
        *p = '\0';
        json_object_array_add(scopes, json_object_new_string((char *) buf));
    }

    json_object_object_add(req, "JWT-Claims", scopes);
    json_object_array_add(sec, req);
    json_object_object_add(o, "security", sec);

    /* responses */

    flags = 0;
    schema = NULL;
    ok = 200;

    switch (op->kind) {

    case NGX_OZ_OP_LIST:
        p = ngx_snprintf(buf, sizeof(buf) - 1, "Paginated%sList",
                         res->schema);
        *p = '\0';

        if (op->flags & NGX_OZ_OP_PAGINATED) {
            schema = ngx_openzaak_openapi_ref((char *) buf);

        } else {
            schema = json_object_new_object();
            json_object_object_add(schema, "type",
                                   json_object_new_string("array"));
            json_object_object_add(schema, "items",
                                   ngx_openzaak_openapi_ref(res->schema));
        }

        flags = NGX_OZ_RESP_BODY_400;
        break;

    case NGX_OZ_OP_CREATE:
        ok = 201;
        schema = ngx_openzaak_openapi_ref(res->schema);
        flags = NGX_OZ_RESP_BODY_400|NGX_OZ_RESP_LOCATION|NGX_OZ_RESP_415;
        break;

    case NGX_OZ_OP_READ:
        schema = head ? NULL : ngx_openzaak_openapi_ref(res->schema);
        flags = NGX_OZ_RESP_404 | (head ? NGX_OZ_RESP_NOBODY : 0)
                | ((op->flags & NGX_OZ_OP_ETAG) ? NGX_OZ_RESP_ETAG : 0);
        break;

    case NGX_OZ_OP_UPDATE:
    case NGX_OZ_OP_PATCH:
        schema = ngx_openzaak_openapi_ref(res->schema);
        flags = NGX_OZ_RESP_BODY_400|NGX_OZ_RESP_404|NGX_OZ_RESP_415;
        break;

    case NGX_OZ_OP_DELETE:
        ok = 204;
        flags = NGX_OZ_RESP_404;
        break;

    default:
        schema = ngx_openzaak_openapi_ref(res->schema);
        flags = NGX_OZ_RESP_BODY_400
                | ((op->flags & NGX_OZ_OP_DETAIL) ? NGX_OZ_RESP_404 : 0)
                | ((op->flags & NGX_OZ_OP_BODY) ? NGX_OZ_RESP_415 : 0);
        break;
    }

    json_object_object_add(o, "responses",
                           ngx_openzaak_openapi_responses(api, ok, schema,
                                                          flags));

    return o;
}


static json_object *
ngx_openzaak_openapi_param(const char *in, const char *name,
    json_object *schema, const char *desc, ngx_flag_t required)
{
    json_object  *p;

    p = json_object_new_object();
    json_object_object_add(p, "in", json_object_new_string(in));
    json_object_object_add(p, "name", json_object_new_string(name));

    if (required) {
        json_object_object_add(p, "required", json_object_new_boolean(1));
    }

    json_object_object_add(p, "schema", schema);

    if (desc) {
        json_object_object_add(p, "description", json_object_new_string(desc));
    }

    return p;
}


static json_object *
ngx_openzaak_openapi_header(const char *desc)
{
    json_object  *h, *s;

    h = json_object_new_object();
    s = json_object_new_object();
    json_object_object_add(s, "type", json_object_new_string("string"));
    json_object_object_add(h, "schema", s);
    json_object_object_add(h, "description", json_object_new_string(desc));

    return h;
}


static json_object *
ngx_openzaak_openapi_responses(ngx_openzaak_api_t *api, ngx_uint_t ok,
    json_object *okschema, ngx_uint_t flags)
{
    u_char        buf[8];
    ngx_uint_t    i;
    json_object  *responses, *r, *headers, *content, *media, *h;

    static struct {
        ngx_uint_t   status;
        const char  *desc;
    }  errors[] = {
        { 400, "Bad request" }, { 401, "Unauthorized" },
        { 403, "Forbidden" }, { 404, "Not found" },
        { 406, "Not acceptable" }, { 409, "Conflict" }, { 410, "Gone" },
        { 415, "Unsupported media type" }, { 429, "Too many requests" },
        { 500, "Internal server error" }, { 0, NULL }
    };

    responses = json_object_new_object();

    r = json_object_new_object();
    headers = json_object_new_object();
    json_object_object_add(headers, "API-version",
        ngx_openzaak_openapi_header("Geeft een specifieke API-versie aan in "
                                    "de context van een specifieke aanroep. "
                                    "Voorbeeld: 1.2.1."));

    if (flags & NGX_OZ_RESP_LOCATION) {
        h = ngx_openzaak_openapi_header("URL waar de resource leeft.");
        json_object_object_add(json_object_object_get(h, "schema"), "format",
                               json_object_new_string("uri"));
        json_object_object_add(headers, "Location", h);
    }

    if (flags & NGX_OZ_RESP_ETAG) {
        json_object_object_add(headers, "ETag",
            ngx_openzaak_openapi_header("De ETag berekend op de response body "
                                        "JSON. Indien twee resources exact "
                                        "dezelfde ETag hebben, dan zijn deze "
                                        "resources identiek aan elkaar. Je "
                                        "kan de ETag gebruiken om te bepalen "
                                        "of een resource gewijzigd is."));
    }

    json_object_object_add(r, "headers", headers);

    if (okschema) {
        content = json_object_new_object();
        media = json_object_new_object();
        json_object_object_add(media, "schema", okschema);
        json_object_object_add(content, "application/json", media);
        json_object_object_add(r, "content", content);
    }

    json_object_object_add(r, "description",
                           json_object_new_string(ok == 201 ? "Created"
                                                  : ok == 204 ? "No content"
                                                  : "OK"));

    ngx_sprintf(buf, "%ui%Z", ok);
    json_object_object_add(responses, (char *) buf, r);

    for (i = 0; errors[i].status; i++) {
        if (errors[i].status == 400 && !(flags & NGX_OZ_RESP_BODY_400)) {
            continue;
        }

        if (errors[i].status == 404 && !(flags & NGX_OZ_RESP_404)) {
            continue;
        }

        if (errors[i].status == 415 && !(flags & NGX_OZ_RESP_415)
            && !(flags & NGX_OZ_RESP_BODY_400))
        {
            continue;
        }

        r = json_object_new_object();
        headers = json_object_new_object();
        json_object_object_add(headers, "API-version",
            ngx_openzaak_openapi_header("Geeft een specifieke API-versie aan "
                                        "in de context van een specifieke "
                                        "aanroep. Voorbeeld: 1.2.1."));
        json_object_object_add(r, "headers", headers);

        if (!(flags & NGX_OZ_RESP_NOBODY)) {
            content = json_object_new_object();
            media = json_object_new_object();
            json_object_object_add(media, "schema",
                ngx_openzaak_openapi_ref(errors[i].status == 400
                                         ? "ValidatieFout" : "Fout"));
            json_object_object_add(content, "application/problem+json", media);
            json_object_object_add(r, "content", content);
        }

        json_object_object_add(r, "description",
                               json_object_new_string(errors[i].desc));

        ngx_sprintf(buf, "%ui%Z", errors[i].status);
        json_object_object_add(responses, (char *) buf, r);
    }

    return responses;
}


static json_object *
ngx_openzaak_openapi_ref(const char *name)
{
    u_char        buf[256], *p;
    json_object  *o;

    p = ngx_snprintf(buf, sizeof(buf) - 1, "#/components/schemas/%s", name);
    *p = '\0';

    o = json_object_new_object();
    json_object_object_add(o, "$ref", json_object_new_string((char *) buf));

    return o;
}


/*
 * An object schema.  A discriminated object becomes a oneOf of its
 * variants (with a discriminator mapping), each variant allOf the base
 * and its own fields, as drf-spectacular writes polymorphic serializers.
 */

static json_object *
ngx_openzaak_openapi_object(const char *owner,
    const ngx_openzaak_field_t *fields, ngx_openzaak_schema_mode_e mode,
    json_object *schemas, const char *variant, ngx_flag_t top)
{
    u_char                       buf[256], *p;
    json_object                 *o, *props, *required, *oneof, *mapping,
                                *disc, *v, *allof, *base;
    const char *const           *e;
    const ngx_openzaak_field_t  *f, *dfield;

    dfield = NULL;

    if (variant == NULL && !top) {
        for (f = fields; f->name; f++) {
            if (f->flags & NGX_OZ_DISCRIMINATOR) {
                dfield = f;
                break;
            }
        }
    }

    if (dfield) {
        o = json_object_new_object();
        oneof = json_object_new_array();
        mapping = json_object_new_object();

        p = ngx_snprintf(buf, sizeof(buf) - 1, "Base_%s%s", owner,
                         mode == NGX_OPENZAAK_SCHEMA_RESPONSE ? "" : "Request");
        *p = '\0';

        base = ngx_openzaak_openapi_object(owner, fields, mode, schemas, "",
                                           0);
        json_object_object_add(schemas, (char *) buf, base);

        for (e = dfield->enums; *e; e++) {
            u_char  name[256], *q;

            allof = json_object_new_array();
            json_object_array_add(allof, ngx_openzaak_openapi_ref((char *) buf));
            json_object_array_add(allof,
                ngx_openzaak_openapi_object(owner, fields, mode, schemas, *e,
                                            0));

            v = json_object_new_object();
            json_object_object_add(v, "allOf", allof);

            q = ngx_snprintf(name, sizeof(name) - 1, "%s_%s%s", *e, owner,
                             mode == NGX_OPENZAAK_SCHEMA_RESPONSE ? ""
                                                                  : "Request");
            *q = '\0';

            json_object_object_add(schemas, (char *) name, v);
            json_object_array_add(oneof,
                                  ngx_openzaak_openapi_ref((char *) name));

            q = ngx_snprintf(name, sizeof(name) - 1,
                             "#/components/schemas/%s_%s%s", *e, owner,
                             mode == NGX_OPENZAAK_SCHEMA_RESPONSE ? ""
                                                                  : "Request");
            *q = '\0';
            json_object_object_add(mapping, *e,
                                   json_object_new_string((char *) name));
        }

        json_object_object_add(o, "oneOf", oneof);

        disc = json_object_new_object();
        json_object_object_add(disc, "propertyName",
                               json_object_new_string(dfield->name));
        json_object_object_add(disc, "mapping", mapping);
        json_object_object_add(o, "discriminator", disc);

        return o;
    }

    o = json_object_new_object();
    json_object_object_add(o, "type", json_object_new_string("object"));

    props = json_object_new_object();
    required = json_object_new_array();

    for (f = fields; f->name; f++) {

        if (variant && *variant == '\0' && f->variants) {
            /* the base of a polymorphic object */
            continue;
        }

        if (variant && *variant) {
            /* the own part of one variant */
            if (f->variants == NULL) {
                continue;
            }

            {
                size_t       len = ngx_strlen(variant);
                const char  *s = f->variants;
                ngx_flag_t   found = 0;

                while (*s) {
                    if (ngx_strncmp(s, variant, len) == 0
                        && (s[len] == ' ' || s[len] == '\0'))
                    {
                        found = 1;
                        break;
                    }
                    while (*s && *s != ' ') {
                        s++;
                    }
                    while (*s == ' ') {
                        s++;
                    }
                }

                if (!found) {
                    continue;
                }
            }
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
                               ngx_openzaak_openapi_field(owner, f, mode,
                                                          schemas));

        if ((mode == NGX_OPENZAAK_SCHEMA_REQUEST
             && (f->flags & NGX_OZ_REQUIRED))
            || (mode == NGX_OPENZAAK_SCHEMA_RESPONSE
                && (f->flags & (NGX_OZ_REQUIRED|NGX_OZ_READONLY))
                && !(f->flags & NGX_OZ_NULLABLE)))
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
ngx_openzaak_openapi_field(const char *owner, const ngx_openzaak_field_t *f,
    ngx_openzaak_schema_mode_e mode, json_object *schemas)
{
    u_char              buf[256], *p;
    json_object        *o, *en;
    const char *const  *e;

    if (f->type == NGX_OZ_ARRAY) {
        o = json_object_new_object();
        json_object_object_add(o, "type", json_object_new_string("array"));

        if (f->fields[0].type == NGX_OZ_OBJECT) {
            p = ngx_snprintf(buf, sizeof(buf) - 1, "%s", f->fields[0].name);
            *p = '\0';
            json_object_object_add(o, "items",
                ngx_openzaak_openapi_object((char *) buf, f->fields[0].fields,
                                            mode, schemas, NULL, 0));
        } else {
            json_object_object_add(o, "items",
                ngx_openzaak_openapi_field(owner, &f->fields[0], mode,
                                           schemas));
        }

        goto common;
    }

    if (f->type == NGX_OZ_OBJECT) {
        o = ngx_openzaak_openapi_object(f->name, f->fields, mode, schemas,
                                        NULL, 1);
        goto common;
    }

    o = json_object_new_object();

    switch (f->type) {

    case NGX_OZ_BOOLEAN:
        json_object_object_add(o, "type", json_object_new_string("boolean"));
        break;

    case NGX_OZ_INTEGER:
        json_object_object_add(o, "type", json_object_new_string("integer"));

        if (f->max_length) {
            json_object_object_add(o, "minimum",
                                   json_object_new_int64(f->min_length));
            json_object_object_add(o, "maximum",
                                   json_object_new_int64(f->max_length));
        }
        break;

    case NGX_OZ_ENUM:
        json_object_object_add(o, "type", json_object_new_string("string"));
        en = json_object_new_array();

        for (e = f->enums; *e; e++) {
            json_object_array_add(en, json_object_new_string(*e));
        }

        if (f->flags & (NGX_OZ_ENUM_BLANK|NGX_OZ_BLANK)) {
            json_object_array_add(en, json_object_new_string(""));
        }

        json_object_object_add(o, "enum", en);
        break;

    default:
        json_object_object_add(o, "type", json_object_new_string("string"));

        switch (f->type) {
        case NGX_OZ_DATE:
            json_object_object_add(o, "format", json_object_new_string("date"));
            break;
        case NGX_OZ_DATETIME:
            json_object_object_add(o, "format",
                                   json_object_new_string("date-time"));
            break;
        case NGX_OZ_DURATION:
            json_object_object_add(o, "format",
                                   json_object_new_string("duration"));
            break;
        case NGX_OZ_URI:
        case NGX_OZ_REF:
            json_object_object_add(o, "format", json_object_new_string("uri"));
            break;
        case NGX_OZ_UUID:
            json_object_object_add(o, "format", json_object_new_string("uuid"));
            break;
        default:
            break;
        }

        if (f->max_length) {
            json_object_object_add(o, "maxLength",
                                   json_object_new_int64(f->max_length));
        }

        if (mode != NGX_OPENZAAK_SCHEMA_RESPONSE && f->min_length) {
            json_object_object_add(o, "minLength",
                                   json_object_new_int64(f->min_length));
        }
    }

common:

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
        json_object_object_add(o, "description",
                               json_object_new_string(f->description));
    }

    return o;
}


static void
ngx_openzaak_openapi_common(json_object *schemas)
{
    ngx_uint_t    i, j;
    json_object  *fout, *props, *p, *req, *vf, *fve;

    static const char  *fields[] = { "type", "code", "title", "status",
                                     "detail", "instance", NULL };
    static const char  *descs[] = {
        "URI referentie naar het type fout, bedoeld voor developers",
        "Systeemcode die het type fout aangeeft",
        "Generieke titel voor het type fout",
        "De HTTP status code",
        "Extra informatie bij de fout, indien beschikbaar",
        "URI met referentie naar dit specifiek voorkomen van de fout. Deze "
        "kan gebruikt worden in combinatie met server logs, bijvoorbeeld."
    };

    for (i = 0; i < 2; i++) {
        fout = json_object_new_object();
        json_object_object_add(fout, "type", json_object_new_string("object"));
        json_object_object_add(fout, "description", json_object_new_string(
                               "Formaat van HTTP 4xx en 5xx fouten."));

        props = json_object_new_object();

        for (j = 0; fields[j]; j++) {
            p = json_object_new_object();
            json_object_object_add(p, "type", json_object_new_string(
                                   j == 3 ? "integer" : "string"));
            json_object_object_add(p, "description",
                                   json_object_new_string(descs[j]));
            json_object_object_add(props, fields[j], p);
        }

        req = json_object_new_array();
        json_object_array_add(req, json_object_new_string("code"));
        json_object_array_add(req, json_object_new_string("detail"));
        json_object_array_add(req, json_object_new_string("instance"));

        if (i == 1) {
            p = json_object_new_object();
            json_object_object_add(p, "type", json_object_new_string("array"));
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

    fve = json_object_new_object();
    json_object_object_add(fve, "type", json_object_new_string("object"));
    json_object_object_add(fve, "description",
                           json_object_new_string("Formaat van validatiefouten."));
    props = json_object_new_object();

    vf = json_object_new_object();
    json_object_object_add(vf, "type", json_object_new_string("string"));
    json_object_object_add(vf, "description", json_object_new_string(
                           "Naam van het veld met ongeldige gegevens"));
    json_object_object_add(props, "name", vf);

    vf = json_object_new_object();
    json_object_object_add(vf, "type", json_object_new_string("string"));
    json_object_object_add(vf, "description", json_object_new_string(
                           "Systeemcode die het type fout aangeeft"));
    json_object_object_add(props, "code", vf);

    vf = json_object_new_object();
    json_object_object_add(vf, "type", json_object_new_string("string"));
    json_object_object_add(vf, "description", json_object_new_string(
                           "Uitleg wat er precies fout is met de gegevens"));
    json_object_object_add(props, "reason", vf);

    json_object_object_add(fve, "properties", props);

    req = json_object_new_array();
    json_object_array_add(req, json_object_new_string("code"));
    json_object_array_add(req, json_object_new_string("name"));
    json_object_array_add(req, json_object_new_string("reason"));
    json_object_object_add(fve, "required", req);

    json_object_object_add(schemas, "FieldValidationError", fve);
}


/* ---------------------------------------------------------------- YAML */


/*
 * Block-style YAML from the JSON document.  Strings are written as YAML
 * double-quoted scalars, whose escapes are JSON's, so any text survives.
 */

static void
ngx_openzaak_yaml(ngx_openzaak_sb_t *sb, json_object *v, ngx_uint_t indent,
    ngx_flag_t in_seq)
{
    size_t       i, n;
    ngx_uint_t   first;
    json_object *item;

    switch (json_object_get_type(v)) {

    case json_type_object:
        if (json_object_object_length(v) == 0) {
            ngx_openzaak_sb_add(sb, " {}\n");
            return;
        }

        if (!in_seq) {
            ngx_openzaak_sb_add(sb, indent ? "\n" : "");
        }

        first = 1;

        json_object_object_foreach(v, key, val) {
            if (!(in_seq && first)) {
                for (i = 0; i < indent; i++) {
                    ngx_openzaak_sb_add(sb, "  ");
                }
            }

            first = 0;

            ngx_openzaak_yaml_key(sb, key);
            ngx_openzaak_sb_add(sb, ":");
            ngx_openzaak_yaml(sb, val, indent + 1, 0);
        }

        return;

    case json_type_array:
        n = json_object_array_length(v);

        if (n == 0) {
            ngx_openzaak_sb_add(sb, " []\n");
            return;
        }

        ngx_openzaak_sb_add(sb, "\n");

        for (i = 0; i < n; i++) {
            ngx_uint_t  k;

            item = json_object_array_get_idx(v, i);

            for (k = 1; k < indent; k++) {
                ngx_openzaak_sb_add(sb, "  ");
            }

            ngx_openzaak_sb_add(sb, "- ");

            if (json_object_is_type(item, json_type_object)
                && json_object_object_length(item))
            {
                ngx_openzaak_yaml(sb, item, indent, 1);
                continue;
            }

            if (json_object_is_type(item, json_type_array)) {
                /* nested sequences do not occur in the documents */
                ngx_openzaak_yaml_scalar(sb, item);
                ngx_openzaak_sb_add(sb, "\n");
                continue;
            }

            ngx_openzaak_yaml_scalar(sb, item);
            ngx_openzaak_sb_add(sb, "\n");
        }

        return;

    default:
        ngx_openzaak_sb_add(sb, " ");
        ngx_openzaak_yaml_scalar(sb, v);
        ngx_openzaak_sb_add(sb, "\n");
        return;
    }
}


static void
ngx_openzaak_yaml_key(ngx_openzaak_sb_t *sb, const char *key)
{
    const char  *p;
    json_object *s;

    for (p = key; *p; p++) {
        if (!(ngx_openzaak_isalnum(*p) || *p == '_' || *p == '-' || *p == '.'
              || *p == '/' || *p == '{' || *p == '}' || *p == '$'))
        {
            break;
        }
    }

    if (*p == '\0' && *key && !(*key >= '0' && *key <= '9') && *key != '{') {
        ngx_openzaak_sb_add(sb, key);
        return;
    }

    s = json_object_new_string(key);
    ngx_openzaak_yaml_scalar(sb, s);
    json_object_put(s);
}


static void
ngx_openzaak_yaml_scalar(ngx_openzaak_sb_t *sb, json_object *v)
{
    size_t       len;
    const char  *s;

    s = json_object_to_json_string_length(v, JSON_C_TO_STRING_PLAIN
                                             | JSON_C_TO_STRING_NOSLASHESCAPE,
                                          &len);
    ngx_openzaak_sb_addn(sb, s, len);
}
