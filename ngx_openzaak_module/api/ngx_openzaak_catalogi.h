/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#ifndef _NGX_OPENZAAK_CATALOGI_H_INCLUDED_
#define _NGX_OPENZAAK_CATALOGI_H_INCLUDED_


#include "ngx_openzaak_api.h"


/*
 * What the Catalogi resources share: scopes, filters, hooks for the
 * versioned types (zaaktype, informatieobjecttype, besluittype) and for
 * the types below a zaaktype, and SQL fragments for derived fields.
 */


/* the URL of this row, and of the zaaktype-level facts of a sub-type */

/* used as ".render = NGX_OZ_ZTC_URL(...)": the key, rendered as a URL */
#define NGX_OZ_ZTC_URL(path)                                                 \
    "%a.uuid", .url = "catalogi/" path

#define NGX_OZ_ZTC_SUB_CATALOGUS                                             \
    "(SELECT z.catalogus FROM catalogi.zaaktype z WHERE z.uuid = %a.zaaktype)"

/*
 * The version of a versioned type valid on the reference date: published
 * versions before concepts, then the one that started last.  Inline SQL
 * where a function (catalogi.zaaktype_on() and friends) would be planned
 * again for every row it renders.
 */

#define NGX_OZ_ZTC_VERSION(cols, table, key, cat, value)                     \
    "SELECT " cols " FROM catalogi." table " vo"                             \
    " WHERE vo.catalogus = " cat " AND vo." key " = " value                  \
    " AND vo.begin_geldigheid <= %D"                                         \
    " AND (vo.einde_geldigheid IS NULL OR vo.einde_geldigheid >= %D)"        \
    " ORDER BY vo.concept, vo.begin_geldigheid DESC, vo.id DESC LIMIT 1"

/* the keys of an array, each as its version's uuid, in array order;
 * a key without a valid version is left out */
#define NGX_OZ_ZTC_KEYS(table, key, cat, keys)                               \
    "ARRAY(SELECT o.uuid FROM unnest(" keys ") WITH ORDINALITY k(key, n)"     \
    " CROSS JOIN LATERAL (" NGX_OZ_ZTC_VERSION("vo.uuid", table, key, cat,   \
                                               "k.key") ") o"                 \
    " ORDER BY k.n)"

#define NGX_OZ_ZTC_SUB_IDENTIFICATIE                                         \
    "(SELECT z.identificatie FROM catalogi.zaaktype z"                       \
    " WHERE z.uuid = %a.zaaktype)"

/*
 * First begin / last end over the versions of an object ("which" is
 * NGX_OZ_ZTC_FIRST or NGX_OZ_ZTC_LAST).  Plain aggregates, not a function:
 * they run for every row of a list page.
 */

#define NGX_OZ_ZTC_FIRST  "min(v.begin_geldigheid)"
#define NGX_OZ_ZTC_LAST                                                      \
    "CASE WHEN bool_or(v.einde_geldigheid IS NULL) THEN NULL"                \
    " ELSE max(v.einde_geldigheid) END"

#define NGX_OZ_ZTC_LIFE(which, table, key)                                   \
    "(SELECT " which " FROM catalogi." table " v"                            \
    " WHERE v.catalogus = %a.catalogus AND v." key " = %a." key ")"

#define NGX_OZ_ZTC_SUB_LIFE(which, table, key)                               \
    "(SELECT " which " FROM catalogi." table " v"                            \
    " JOIN catalogi.zaaktype vz ON vz.uuid = v.zaaktype"                     \
    " JOIN catalogi.zaaktype z ON z.uuid = %a.zaaktype"                      \
    " WHERE vz.catalogus = z.catalogus"                                      \
    " AND vz.identificatie = z.identificatie AND v." key " = %a." key ")"


extern const char *const  ngx_openzaak_ztc_lezen[];
extern const char *const  ngx_openzaak_ztc_schrijven[];
extern const char *const  ngx_openzaak_ztc_schrijven_forced[];
extern const char *const  ngx_openzaak_ztc_verwijderen_forced[];

extern const char *const  ngx_openzaak_ztc_status_enum[];

/* datumGeldigheid on the detail of a versioned type */
extern const ngx_openzaak_filter_t  ngx_openzaak_ztc_read_filters[];

extern const ngx_openzaak_kenmerk_t  ngx_openzaak_ztc_kenmerken[];

extern const ngx_openzaak_hooks_t  ngx_openzaak_ztc_type_hooks;
extern const ngx_openzaak_hooks_t  ngx_openzaak_ztc_sub_hooks;

ngx_int_t ngx_openzaak_ztc_type_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
ngx_int_t ngx_openzaak_ztc_type_after(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
ngx_int_t ngx_openzaak_ztc_ztiot_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
ngx_int_t ngx_openzaak_ztc_sub_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
ngx_int_t ngx_openzaak_ztc_publish(ngx_openzaak_ctx_t *ctx);


/* the filters every type below a zaaktype has */

#define NGX_OZ_ZTC_SUB_STATUS_FILTER                                         \
    { .name = "status", .type = NGX_OZ_ENUM,                                 \
      .enums = ngx_openzaak_ztc_status_enum,                                 \
      .sql = "(SELECT CASE $?::text WHEN 'alles' THEN true"                  \
             " WHEN 'concept' THEN z.concept ELSE NOT z.concept END"         \
             " FROM catalogi.zaaktype z WHERE z.uuid = t.zaaktype)",         \
      .absent_sql = "NOT (SELECT z.concept FROM catalogi.zaaktype z"         \
                    " WHERE z.uuid = t.zaaktype)",                           \
      .description = "Filter objecten op hun concept status:\n\n"            \
                     "* `alles` - Alles\n* `concept` - Concept\n"            \
                     "* `definitief` - Definitief" }

#define NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER                                   \
    { .name = "datumGeldigheid", .type = NGX_OZ_DATE,                        \
      .flags = NGX_OZ_FILTER_DATE_REF,                                       \
      .sql = "t.begin_geldigheid <= $?::date AND (t.einde_geldigheid IS NULL"\
             " OR t.einde_geldigheid >= $?::date)",                          \
      .description = "filter op datum geldigheid" }

#define NGX_OZ_ZTC_SUB_ZAAKTYPE_FILTERS                                      \
    { .name = "zaaktype", .type = NGX_OZ_REF,                                \
      .ref = "catalogi/zaaktypen", .sql = "t.zaaktype = $?::uuid",           \
      .description = "URL-referentie naar het ZAAKTYPE." },                  \
    { .name = "zaaktypeIdentificatie", .type = NGX_OZ_STRING,                \
      .sql = "(SELECT z.identificatie FROM catalogi.zaaktype z"              \
             " WHERE z.uuid = t.zaaktype) = $?::text",                       \
      .description = "identificatie van het ZAAKTYPE" }


/* the fields every type below a zaaktype has */

#define NGX_OZ_ZTC_SUB_ZAAKTYPE                                              \
    { .name = "zaaktype", .column = "zaaktype", .type = NGX_OZ_REF,          \
      .flags = NGX_OZ_REQUIRED, .ref = "catalogi/zaaktypen",                 \
      .min_length = 1, .max_length = 1000,                                   \
      .description = "URL-referentie naar het ZAAKTYPE." },                  \
    { .name = "zaaktypeIdentificatie", .type = NGX_OZ_STRING,                \
      .flags = NGX_OZ_READONLY, .render = NGX_OZ_ZTC_SUB_IDENTIFICATIE,      \
      .description = "Unieke identificatie van het ZAAKTYPE binnen de "      \
                     "CATALOGUS waarin het ZAAKTYPE voorkomt." }

#define NGX_OZ_ZTC_SUB_CATALOGUS_FIELD                                       \
    { .name = "catalogus", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,     \
      .render = NGX_OZ_ZTC_SUB_CATALOGUS, .url = "catalogi/catalogussen",     \
      .description = "URL-referentie naar de CATALOGUS waartoe dit "         \
                     "ZAAKTYPE behoort." }

#define NGX_OZ_ZTC_GELDIGHEID(begin_flags)                                   \
    { .name = "beginGeldigheid", .column = "begin_geldigheid",               \
      .type = NGX_OZ_DATE, .flags = begin_flags,                             \
      .description = "De datum waarop het is ontstaan." },                   \
    { .name = "eindeGeldigheid", .column = "einde_geldigheid",               \
      .type = NGX_OZ_DATE, .flags = NGX_OZ_NULLABLE,                         \
      .description = "De datum waarop het is opgeheven." }

#define NGX_OZ_ZTC_SUB_OBJECT_LIFE(table, key)                               \
    { .name = "beginObject", .type = NGX_OZ_DATE, .flags = NGX_OZ_READONLY,  \
      .render = NGX_OZ_ZTC_SUB_LIFE(NGX_OZ_ZTC_FIRST, table, key),           \
      .description = "De datum waarop de eerst versie van het object "       \
                     "ontstaan is." },                                       \
    { .name = "eindeObject", .type = NGX_OZ_DATE, .flags = NGX_OZ_READONLY,  \
      .render = NGX_OZ_ZTC_SUB_LIFE(NGX_OZ_ZTC_LAST, table, key),            \
      .description = "De datum van de aller laatste versie van het "         \
                     "object." }

#define NGX_OZ_ZTC_OBJECT_LIFE(table, key)                                   \
    { .name = "beginObject", .type = NGX_OZ_DATE, .flags = NGX_OZ_READONLY,  \
      .render = NGX_OZ_ZTC_LIFE(NGX_OZ_ZTC_FIRST, table, key),               \
      .description = "De datum waarop de eerst versie van het object "       \
                     "ontstaan is." },                                       \
    { .name = "eindeObject", .type = NGX_OZ_DATE, .flags = NGX_OZ_READONLY,  \
      .render = NGX_OZ_ZTC_LIFE(NGX_OZ_ZTC_LAST, table, key),                \
      .description = "De datum van de aller laatste versie van het "         \
                     "object." }


/* The operations of a resource: "name" is the resource name, NAME the
 * plural for the summaries; publish adds the publish action. */

#define NGX_OZ_ZTC_OPS(name, NAME, create_scopes)                            \
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, name "_list",            \
      "Alle " NAME " opvragen.", ngx_openzaak_ztc_lezen, NULL, NULL,         \
      "Deze lijst kan gefilterd wordt met query-string parameters." },       \
    { NGX_OZ_OP_CREATE, 0, NULL, 0, name "_create",                          \
      "Maak een " NAME " aan.", create_scopes, NULL, NULL, NULL },           \
    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ETAG|NGX_OZ_OP_HEAD,                \
      name "_read", "Een specifieke " NAME " opvragen.",                     \
      ngx_openzaak_ztc_lezen, NULL, NULL, NULL },                            \
    { NGX_OZ_OP_UPDATE, 0, NULL, 0, name "_update",                          \
      "Werk een " NAME " in zijn geheel bij.",                               \
      ngx_openzaak_ztc_schrijven_forced, NULL, NULL, NULL },                 \
    { NGX_OZ_OP_PATCH, 0, NULL, 0, name "_partial_update",                   \
      "Werk een " NAME " deels bij.",                                        \
      ngx_openzaak_ztc_schrijven_forced, NULL, NULL, NULL },                 \
    { NGX_OZ_OP_DELETE, 0, NULL, 0, name "_delete",                          \
      "Verwijder een " NAME ".", ngx_openzaak_ztc_verwijderen_forced,        \
      NULL, NULL, NULL }

#define NGX_OZ_ZTC_TYPE_OPS(name, NAME)                                      \
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, name "_list",            \
      "Alle " NAME " opvragen.", ngx_openzaak_ztc_lezen, NULL, NULL,         \
      "Deze lijst kan gefilterd wordt met query-string parameters." },       \
    { NGX_OZ_OP_CREATE, 0, NULL, 0, name "_create",                          \
      "Maak een " NAME " aan.", ngx_openzaak_ztc_schrijven, NULL, NULL,      \
      NULL },                                                                \
    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ETAG|NGX_OZ_OP_HEAD,                \
      name "_read", "Een specifieke " NAME " opvragen.",                     \
      ngx_openzaak_ztc_lezen, ngx_openzaak_ztc_read_filters, NULL, NULL },   \
    { NGX_OZ_OP_UPDATE, 0, NULL, 0, name "_update",                          \
      "Werk een " NAME " in zijn geheel bij.",                               \
      ngx_openzaak_ztc_schrijven_forced, NULL, NULL, NULL },                 \
    { NGX_OZ_OP_PATCH, 0, NULL, 0, name "_partial_update",                   \
      "Werk een " NAME " deels bij.",                                        \
      ngx_openzaak_ztc_schrijven_forced, NULL, NULL, NULL },                 \
    { NGX_OZ_OP_DELETE, 0, NULL, 0, name "_delete",                          \
      "Verwijder een " NAME ".", ngx_openzaak_ztc_verwijderen_forced,        \
      NULL, NULL, NULL },                                                    \
    { NGX_OZ_OP_ACTION, NGX_HTTP_POST, "publish", NGX_OZ_OP_DETAIL,          \
      name "_publish", "Publiceer het concept " NAME ".",                    \
      ngx_openzaak_ztc_schrijven, NULL, ngx_openzaak_ztc_publish,            \
      "Publiceren van het " NAME " zorgt ervoor dat dit in een Zaken API "   \
      "kan gebruikt worden. Na het publiceren van een " NAME " zijn "        \
      "inhoudelijke wijzigingen niet meer mogelijk." }


/* resources */
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_catalogus;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_zaaktype;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_informatieobjecttype;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_besluittype;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_statustype;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_roltype;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_resultaattype;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_eigenschap;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_ztiot;
extern ngx_openzaak_resource_t  ngx_openzaak_ztc_zaakobjecttype;


#endif /* _NGX_OPENZAAK_CATALOGI_H_INCLUDED_ */
