/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#ifndef _NGX_OPENZAAK_DESCRIPTOR_H_INCLUDED_
#define _NGX_OPENZAAK_DESCRIPTOR_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>

#include "ngx_openzaak.h"


/*
 * Resources are data.  A descriptor names every field once: its JSON name,
 * where it lives in SQL, its type and constraints.  One engine turns the
 * descriptors into request validation, parameterised SQL, JSON rendering,
 * filters, pagination, notifications and the OpenAPI document.  Hooks hold
 * the behaviour a descriptor cannot express.
 *
 * SQL conventions: the resource table has a uuid primary key "uuid" and a
 * bigint "id" giving the insertion order.  In generated SQL the resource
 * table is aliased "t", and $1 is always the public base URL
 * (scheme://host[/prefix]) used to render absolute URLs.
 */


typedef enum {
    NGX_OZ_STRING = 1,
    NGX_OZ_BOOLEAN,
    NGX_OZ_INTEGER,
    NGX_OZ_DATE,
    NGX_OZ_DATETIME,
    NGX_OZ_DURATION,
    NGX_OZ_URI,
    NGX_OZ_ENUM,
    NGX_OZ_REF,          /* URL of a local resource, stored as its uuid */
    NGX_OZ_UUID,
    NGX_OZ_OBJECT,       /* gegevensgroep: sub-fields, stored as jsonb */
    NGX_OZ_ARRAY,        /* items described by fields[0] */
    NGX_OZ_GEOMETRY,     /* GeoJSON geometry, stored as PostGIS geometry;
                            the render SQL gives its GeoJSON */
    NGX_OZ_ANY           /* any JSON value, kept as sent (a member of a
                            gegevensgroep: zaakobject overigeData) */
} ngx_openzaak_type_e;


/* field flags */
#define NGX_OZ_REQUIRED       0x0001    /* required on create and PUT */
#define NGX_OZ_READONLY       0x0002
#define NGX_OZ_WRITEONLY      0x0004
#define NGX_OZ_NULLABLE       0x0008
#define NGX_OZ_BLANK          0x0010    /* "" allowed */
#define NGX_OZ_NONEMPTY       0x0020    /* at least one array item */
#define NGX_OZ_IMMUTABLE      0x0040    /* wijzigen-niet-toegelaten */
#define NGX_OZ_DISCRIMINATOR  0x0080    /* selects the variant fields; a
                                           field may be given once per
                                           variant, with the same name and
                                           column and its own members */
#define NGX_OZ_NO_TRIM        0x0100    /* keep surrounding whitespace */
#define NGX_OZ_ENUM_BLANK     0x0200    /* "" is an extra enum value */
#define NGX_OZ_CHILD_POSITION 0x0400


/* Arrays of objects kept in their own table, one row per item. */
typedef struct {
    const char                       *table;
    const char                       *parent;     /* FK column to t.uuid */
    const char                       *position;   /* item order column */
} ngx_openzaak_child_t;


typedef ngx_int_t (*ngx_openzaak_check_pt)(ngx_openzaak_ctx_t *ctx,
    ngx_str_t *name, ngx_str_t *value);


struct ngx_openzaak_field_s {
    const char                       *name;       /* JSON name; NULL ends */
    const char                       *column;     /* SQL column, or NULL */
    ngx_openzaak_type_e               type;
    ngx_uint_t                        flags;
    ngx_uint_t                        min_length;
    ngx_uint_t                        max_length;
    const char *const                *enums;      /* NULL terminated */
    const char                       *ref;        /* "api/path" of NGX_OZ_REF */
    const ngx_openzaak_field_t       *fields;     /* OBJECT members or the
                                                     ARRAY item */
    const ngx_openzaak_child_t       *child;      /* ARRAY stored in a table */
    /* SQL for output, "%a" = the row alias, "%D" = the date versioned
     * relations are resolved on; a plain value of the field's type (text,
     * boolean, an array of keys), never JSON: the module renders it */
    const char                       *render;
    const char                       *dflt;       /* JSON default on create */
    const char                       *variants;   /* discriminator values
                                                     where present, space
                                                     separated; NULL = all */
    const char                       *description;

    /* an extra check of a valid string value (RSIN, upper case, ...);
     * records its errors itself and returns NGX_DECLINED after one */
    ngx_openzaak_check_pt             check;

    /* the OpenAPI "format" when it is not the type's own, e.g. "uri" for
     * a relation that also takes an omschrijving */
    const char                       *format;

    /* "api/path": the SQL value is the key (uuid) of a resource there, or
     * an array of keys, and is rendered as its URL(s); NGX_OZ_REF fields
     * and their arrays use "ref" for this */
    const char                       *url;
};


/* A query parameter filter.  "sql" is a condition on alias t in which
 * "$?" stands for the parameter holding the value. */

#define NGX_OZ_FILTER_REQUIRED  0x01
#define NGX_OZ_FILTER_CSV       0x02    /* comma separated list */
#define NGX_OZ_FILTER_DATE_REF  0x04    /* also the date relations are
                                           resolved on (datumGeldigheid) */

typedef struct {
    const char                       *name;
    ngx_openzaak_type_e               type;
    ngx_uint_t                        flags;
    const char                       *sql;
    const char *const                *enums;
    const char                       *ref;
    const char                       *description;

    /* the condition applied when the parameter is absent or empty, e.g.
     * "published only" for status */
    const char                       *absent_sql;

    /* an extra check of a string value, as a field's (RSIN, ...) */
    ngx_openzaak_check_pt             check;
} ngx_openzaak_filter_t;


/* A field a list may be ordered on ("ordering", as django-filter's
 * OrderingFilter): its name and its SQL on alias t. */
typedef struct {
    const char                       *name;
    const char                       *sql;
} ngx_openzaak_ordering_t;


typedef enum {
    NGX_OZ_OP_LIST = 1,
    NGX_OZ_OP_CREATE,
    NGX_OZ_OP_READ,
    NGX_OZ_OP_UPDATE,
    NGX_OZ_OP_PATCH,
    NGX_OZ_OP_DELETE,
    NGX_OZ_OP_ACTION
} ngx_openzaak_op_kind_e;


/* operation flags */
#define NGX_OZ_OP_PAGINATED   0x01
#define NGX_OZ_OP_ETAG        0x02
#define NGX_OZ_OP_DETAIL      0x04      /* action on /{uuid}/action */
#define NGX_OZ_OP_HEAD        0x08      /* HEAD documented in the spec */
#define NGX_OZ_OP_BODY        0x10      /* action takes a JSON body */
#define NGX_OZ_OP_CRS         0x20      /* Accept-Crs (and Content-Crs with
                                           a body) required: geometry */
#define NGX_OZ_OP_ALL_ONLY    0x40      /* only for heeftAlleAutorisaties,
                                           whatever the scopes say */


typedef struct ngx_openzaak_write_s  ngx_openzaak_write_t;

typedef ngx_int_t (*ngx_openzaak_op_handler_pt)(ngx_openzaak_ctx_t *ctx);


struct ngx_openzaak_operation_s {
    ngx_openzaak_op_kind_e            kind;
    ngx_uint_t                        method;     /* NGX_HTTP_*, actions */
    const char                       *action;     /* path segment */
    ngx_uint_t                        flags;
    const char                       *operation_id;
    const char                       *summary;
    const char *const                *scopes;     /* AND of "a|b" groups */
    const ngx_openzaak_filter_t      *filters;    /* overrides resource's */
    ngx_openzaak_op_handler_pt        handler;    /* actions */
    const char                       *description;
};


/* A kenmerk of the notification message: JSON name and SQL on alias t. */
typedef struct {
    const char                       *name;
    const char                       *sql;
} ngx_openzaak_kenmerk_t;


/* Maps an SQL constraint to the validation error clients should see. */
typedef struct {
    const char                       *constraint;
    const char                       *name;
    const char                       *code;
    const char                       *reason;
} ngx_openzaak_constraint_t;


typedef struct ngx_openzaak_hooks_s  ngx_openzaak_hooks_t;


/*
 * Per-object authorisation (ngx_openzaak_objauth.c): the autorisaties of
 * component name the type of the main object (a zaak's zaaktype) by URL
 * in their member ("zaaktype"); an object is visible when a grant names
 * its type and covers its vertrouwelijkheidaanduiding.  For a part of a
 * main object, from/join reach the main object from the part's row t.
 */
typedef struct {
    const char                       *component;  /* "zrc" */
    const char                       *member;     /* "zaaktype" */
    const char                       *type_ref;   /* "catalogi/zaaktypen" */
    const char                       *type;       /* SQL: "t.zaaktype" */
    const char                       *va;         /* SQL: "t.va_order", or
                                                     NULL: not compared */
    const char                       *from;       /* "zaken.zaak z", or NULL:
                                                     t is the main object */
    const char                       *join;       /* "z.uuid = t.zaak" */
    const char                       *parent;     /* the part's column and
                                                     body field naming the
                                                     main object: "zaak" */

    /*
     * A closed main object (zrc-007: a zaak with an einddatum): a write
     * to it or to one of its parts also needs closed_scopes for its type,
     * else 403 with closed_detail.  "closed" is SQL on the main object's
     * alias: "t.einddatum IS NOT NULL", or "z..." for a part.
     */
    const char                       *closed;
    const char *const                *closed_scopes;
    const char                       *closed_detail;
} ngx_openzaak_auth_t;


/*
 * A statement generated from a descriptor.  Its text is built once per
 * process (or per worker, for a list shape) and registered with the pool,
 * which knows it by id.  Its parameters are, in this order and each only
 * when the text uses it: the base URL, the reference date, the filter
 * values (nfilters), the grants (two arrays: type keys, highest va), the
 * object's key, LIMIT and OFFSET.
 */
typedef struct {
    ngx_int_t                         id;         /* pool registry id */
    ngx_str_t                         sql;
    ngx_uint_t                        nfilters;
    ngx_uint_t                        nparams;
    unsigned                          base:1;
    unsigned                          date:1;
    unsigned                          grants:1;
    unsigned                          key:1;
    unsigned                          limit:1;
    unsigned                          offset:1;
} ngx_openzaak_stmt_t;


typedef struct ngx_openzaak_plan_s  ngx_openzaak_plan_t;

/* How one field of an object is read from a row. */
typedef struct {
    const ngx_openzaak_field_t       *field;
    ngx_int_t                         col;        /* -1: a child array */
    ngx_str_t                         url;        /* "/catalogi/api/v1/
                                                     zaaktypen/": keys
                                                     become URLs */
    ngx_openzaak_plan_t              *child;
} ngx_openzaak_plan_field_t;

/* A member inside a jsonb value that SQL renders (it needs data): its
 * own column, one value (or one per array item). */
typedef struct {
    const ngx_openzaak_field_t       *member;
    ngx_int_t                         col;
} ngx_openzaak_plan_aux_t;

/*
 * The columns of an object: the resource's row, or an item of an array
 * kept in a child table (read by a statement of its own, after the
 * resource's).  Column 0 is the key the rows of child tables are matched
 * on: the resource's uuid, or the child row's parent.
 */
struct ngx_openzaak_plan_s {
    ngx_openzaak_plan_field_t        *fields;
    ngx_uint_t                        nfields;
    ngx_openzaak_plan_aux_t          *aux;
    ngx_uint_t                        naux;
    ngx_str_t                         cols;       /* the select list */
    ngx_uint_t                        ncols;
    const ngx_openzaak_field_t       *disc;       /* discriminator field */
    ngx_int_t                         disc_col;
    const ngx_openzaak_child_t       *child;
    ngx_uint_t                        index;      /* child: 1, 2, ... */
    ngx_openzaak_plan_t             **children;   /* resource: its child
                                                     plans, in order */
    ngx_uint_t                        nchildren;
};


/*
 * SQL generated from the descriptor at start-up.  A read is the
 * resource's statement followed by one per child table, in one pipeline.
 */
typedef struct {
    ngx_openzaak_plan_t              *plan;
    ngx_openzaak_stmt_t               read;
    ngx_openzaak_stmt_t              *child_read; /* plan->nchildren */
    ngx_str_t                         exists;
    ngx_str_t                         remove;
    ngx_str_t                         notify;     /* outbox insert */
    ngx_str_t                         immutable;  /* NGX_OZ_IMMUTABLE */

    /* the same, registered: ngx_openzaak_pg_add_id() */
    ngx_int_t                         exists_id;
    ngx_int_t                         remove_id;
    ngx_int_t                         notify_id;
    ngx_int_t                         immutable_id;   /* -1: none */

    ngx_array_t                      *shapes;     /* list statements, built
                                                     per worker */

    /* per-object authorisation: the list condition (with grant markers),
     * the guard of an object and that of a new one */
    ngx_str_t                         auth_where;
    ngx_openzaak_stmt_t               guard;
    ngx_openzaak_stmt_t               create_guard;

    /* a nested resource: the object belongs to the parent of the path
     * ($1 the object, $2 the parent), else ZG404 */
    ngx_str_t                         nested;
    ngx_int_t                         nested_id;

    /* the audit trail: resourceWeergave and the main object's key */
    ngx_str_t                         audit;
    ngx_int_t                         audit_id;

    /* the same when the main object is closed (auth->closed) */
    ngx_openzaak_stmt_t               closed_guard;
    ngx_openzaak_stmt_t               closed_create_guard;

    /* the expand parameter: its paths resolved (ngx_openzaak_expand.c) */
    void                             *expand;
} ngx_openzaak_resource_sql_t;


/*
 * The audit trail of a resource (ngx_openzaak_audit.c): every write adds
 * a zgw.audittrail row in the write's transaction.  The SQL runs on the
 * resource's row t (before a delete, after the other writes).
 */
typedef struct {
    const char                       *bron;       /* "zrc" */
    const char                       *weergave;   /* SQL: resourceWeergave */
    const char                       *hoofd;      /* SQL: the uuid of the
                                                     main object, e.g.
                                                     "t.zaak"; NULL: t.uuid */
    const char                       *hoofd_path; /* "zaken" */
} ngx_openzaak_audit_t;


/*
 * A path of the expand parameter: "status.statustype".  Each segment is a
 * field of the resource the segment before it reached; the field's ref
 * or url names the resource whose read plan renders it, and its column
 * or render gives the key (or an array of keys).  target and key say
 * otherwise where the field's URL is not that resource's (a part below
 * its zaak).
 */
typedef struct {
    const char                       *path;       /* NULL ends */
    const char                       *target;     /* "api/path", or NULL */
    const char                       *key;        /* SQL on %a, or NULL */
} ngx_openzaak_expand_t;


/* resource flags */
#define NGX_OZ_RES_AUTH_DATA  0x01      /* writes change authorisations */


struct ngx_openzaak_resource_s {
    const char                       *path;       /* "applicaties" */
    const char                       *name;       /* "applicatie" */
    const char                       *schema;     /* OpenAPI schema name */
    const char                       *table;
    ngx_uint_t                        flags;
    const ngx_openzaak_field_t       *fields;
    const ngx_openzaak_filter_t      *filters;
    const ngx_openzaak_operation_t   *operations;
    const char                       *list_where; /* always applied */
    const char                       *order;      /* default ORDER BY */
    const ngx_openzaak_ordering_t    *orderings;  /* "ordering" values */
    const char                       *kanaal;
    const char                       *hoofd_object; /* SQL; NULL = url */
    const ngx_openzaak_kenmerk_t     *kenmerken;
    const ngx_openzaak_constraint_t  *constraints;
    const ngx_openzaak_hooks_t       *hooks;
    const char                       *description;
    const ngx_openzaak_auth_t        *auth;

    /* a nested resource: /{parent}/{parent_uuid}/{path}[/{uuid}], its
     * column naming the parent ("zaak") and the path parameter's name
     * ("zaak_uuid") */
    ngx_openzaak_resource_t          *parent;
    const char                       *parent_column;
    const char                       *parent_param;

    const ngx_openzaak_audit_t       *audit;

    /* the acties that send a notification, space separated; NULL: all */
    const char                       *notify_acties;

    /* the paths the expand parameter of list and read takes (the OAS
     * enum), ended by a NULL path (ngx_openzaak_expand.c) */
    const ngx_openzaak_expand_t      *expand;

    /* filled in at start-up */
    ngx_openzaak_api_t               *api;
    ngx_openzaak_resource_sql_t       sql;
    ngx_openzaak_resource_t         **nested;     /* NULL terminated: the
                                                     resources below this */
    size_t                            path_len;
};


struct ngx_openzaak_api_s {
    ngx_str_t                         name;       /* "autorisaties" */
    const char                       *component;  /* "ac" */
    const char                       *version;    /* "1.0.0" */
    const char                       *title;
    const char                       *description;
    ngx_openzaak_resource_t         **resources;  /* NULL terminated */

    /* filled in at start-up */
    ngx_str_t                         root;       /* "/autorisaties/api/v1" */
    ngx_str_t                         openapi_json;
    ngx_str_t                         openapi_yaml;
};


#endif /* _NGX_OPENZAAK_DESCRIPTOR_H_INCLUDED_ */
