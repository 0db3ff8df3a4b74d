/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: Status.
 *
 * A status has no update or delete.  Its rules, closing the zaak with
 * its eindstatus and reopening it are zaken.status_create()
 * (sql/0010_zaken_status.sql), in the write's transaction.  The scope
 * rules Open Zaak checks when a status is set (ZGW-INVENTORY 3.3) are
 * guards: the engine's closed-zaak guard, here with zaken.heropenen, and
 * the one status that zaken.aanmaken alone may set.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static ngx_int_t ngx_openzaak_zrc_status_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);


static const char *const  ngx_openzaak_zrc_status_create_scopes[] = {
    "zaken.aanmaken|zaken.statussen.toevoegen|zaken.heropenen", NULL
};

/* more than the first status: any of these */
static const char *const  ngx_openzaak_zrc_status_more_scopes[] = {
    "zaken.statussen.toevoegen|zaken.heropenen|zaken.bijwerken"
    "|zaken.geforceerd-bijwerken", NULL
};

static const char *const  ngx_openzaak_zrc_heropenen[] = {
    "zaken.heropenen", NULL
};


/*
 * A status on a closed zaak (which reopens it, or sets its eindstatus
 * again) needs zaken.heropenen, not zaken.geforceerd-bijwerken: Open
 * Zaak's StatusViewSet has no ClosedZaakMixin.
 */
static const ngx_openzaak_auth_t  ngx_openzaak_zrc_status_auth = {
    .component = "zrc",
    .member = "zaaktype",
    .type_ref = "catalogi/zaaktypen",
    .type = "z.zaaktype",
    .va = "zgw.va_order(z.vertrouwelijkheidaanduiding)",
    .from = "zaken.zaak z",
    .join = "z.uuid = t.zaak",
    .parent = "zaak",
    .closed = "z.einddatum IS NOT NULL",
    .closed_scopes = ngx_openzaak_zrc_heropenen,
    .closed_detail = "Het heropenen van een gesloten zaak is niet toegestaan "
                     "zonder de scope zaken.heropenen"
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_status_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZRC_URL("statussen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    NGX_OZ_ZRC_PART_ZAAK(""),

    { .name = "statustype", .column = "statustype", .type = NGX_OZ_REF,
      .flags = NGX_OZ_REQUIRED, .ref = "catalogi/statustypen",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar het STATUSTYPE (in de Catalogi "
                     "API)." },

    { .name = "datumStatusGezet", .column = "datum_status_gezet",
      .type = NGX_OZ_DATETIME, .flags = NGX_OZ_REQUIRED,
      .description = "De datum waarop de ZAAK de status heeft verkregen." },

    { .name = "statustoelichting", .column = "statustoelichting",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "Een, voor de initiator van de zaak relevante, "
                     "toelichting op de status van een zaak." },

    /* the zaak's current status, kept by a trigger (sql/0008_zaken) */
    { .name = "indicatieLaatstGezetteStatus", .type = NGX_OZ_BOOLEAN,
      .flags = NGX_OZ_READONLY,
      .render = "coalesce((SELECT z.status = %a.uuid FROM zaken.zaak z"
                " WHERE z.uuid = %a.zaak), false)",
      .description = "Het gegeven is afleidbaar uit de historie van de "
                     "attribuutsoort Datum status gezet van van alle "
                     "statussen bij de desbetreffende zaak." },

    { .name = "gezetdoor", .column = "gezetdoor", .type = NGX_OZ_REF,
      .flags = NGX_OZ_NULLABLE, .ref = "zaken/rollen",
      .min_length = 1, .max_length = 1000,
      .description = "De BETROKKENE die in zijn/haar ROL in een ZAAK heeft "
                     "geregistreerd dat STATUSsen in die ZAAK bereikt "
                     "zijn." },

    /* the Documenten API is not there yet */
    { .name = "zaakinformatieobjecten", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "zaakinformatieobject", .type = NGX_OZ_URI,
            .min_length = 1, .max_length = 1000 },
          { .name = NULL } },
      .url = "zaken/zaakinformatieobjecten",
      .render = "'{}'::uuid[]",
      .description = "URL-referenties naar ZAAKINFORMATIEOBJECTen." },

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_status_filters[] = {
    { .name = "indicatieLaatstGezetteStatus", .type = NGX_OZ_BOOLEAN,
      .sql = "coalesce((SELECT z.status = t.uuid FROM zaken.zaak z"
             " WHERE z.uuid = t.zaak), false) = $?::boolean",
      .description = "Het gegeven is afleidbaar uit de historie van de "
                     "attribuutsoort Datum status gezet van van alle "
                     "statussen bij de desbetreffende zaak." },
    { .name = "statustype", .type = NGX_OZ_REF,
      .ref = "catalogi/statustypen", .sql = "t.statustype = $?::uuid",
      .description = "URL-referentie naar het STATUSTYPE (in de Catalogi "
                     "API)." },
    { .name = "zaak", .type = NGX_OZ_REF, .ref = "zaken/zaken",
      .sql = "t.zaak = $?::uuid",
      .description = "URL-referentie naar de ZAAK." },
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_status_ops[] = {
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, "status_list",
      "Alle STATUSsen van ZAAKen opvragen.", ngx_openzaak_zrc_lezen, NULL,
      NULL, "Deze lijst kan gefilterd wordt met query-string parameters." },
    { NGX_OZ_OP_CREATE, 0, NULL, 0, "status_create",
      "Maak een STATUS aan voor een ZAAK.",
      ngx_openzaak_zrc_status_create_scopes, NULL, NULL,
      "**Er wordt gevalideerd op**\n"
      "- geldigheid URL naar de ZAAK\n"
      "- geldigheid URL naar het STATUSTYPE\n"
      "- indien het de eindstatus betreft, dan moet het attribuut "
      "`indicatieGebruiksrecht` gezet zijn op alle informatieobjecten die "
      "aan de zaak gerelateerd zijn\n"
      "- indien de zaak deelzaken heeft moeten de deelzaken gesloten zijn "
      "voordat de hoofdzaak kan worden afgesloten met de eindstatus\n"
      "- indien een zaak wordt heropend en een hoofdzaak heeft, dan mag de "
      "hoofdzaak niet gesloten zijn\n\n"
      "**Opmerkingen**\n"
      "- Indien het statustype de eindstatus is (volgens het ZTC), dan "
      "wordt de zaak afgesloten door de einddatum te zetten.\n"
      "- Bij deelzaken met een "
      "`Resultaat.resultaattype.brondatumArchiefprocedure.afleidingswijze` "
      "`hoofdzaak` word de brondatum van de hoofdzaak ingevuld nadat de "
      "hoofdzaak is afgesloten." },
    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ETAG|NGX_OZ_OP_HEAD, "status_read",
      "Een specifieke STATUS van een ZAAK opvragen.", ngx_openzaak_zrc_lezen,
      NULL, NULL, "Een specifieke STATUS van een ZAAK opvragen." },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


/* the same rule as zaken.status_create() checks first, for a race */
static const ngx_openzaak_constraint_t  ngx_openzaak_zrc_status_constraints[]
= {
    { "status_zaak_datum_status_gezet_key", "nonFieldErrors", "unique",
      "De velden zaak, datum_status_gezet moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_zrc_status_hooks = {
    .before = ngx_openzaak_zrc_status_before
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_status = {
    .path = "statussen",
    .name = "status",
    .schema = "Status",
    .table = "zaken.status",
    .fields = ngx_openzaak_zrc_status_fields,
    .filters = ngx_openzaak_zrc_status_filters,
    .operations = ngx_openzaak_zrc_status_ops,
    .order = "t.datum_status_gezet DESC, t.id DESC",
    .kanaal = "zaken",
    .hoofd_object = NGX_OZ_ZRC_PART_HOOFD_OBJECT,
    .kenmerken = ngx_openzaak_zrc_part_kenmerken,
    .constraints = ngx_openzaak_zrc_status_constraints,
    .hooks = &ngx_openzaak_zrc_status_hooks,
    .auth = &ngx_openzaak_zrc_status_auth,
    .description = "Modelleer status van een ZAAK."
};


/*
 * Before the row: the one status zaken.aanmaken alone may set (Open
 * Zaak's StatusViewSet.perform_create), then the rules and what the
 * status does to its zaak.
 */

static ngx_int_t
ngx_openzaak_zrc_status_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    ngx_int_t               rc;
    ngx_str_t               row;
    json_object            *v;
    const char             *zaak;
    ngx_openzaak_grants_t   g;

    if (ngx_openzaak_json_to_str(ctx->request->pool, w->row, &row)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    rc = ngx_openzaak_objauth_grants(ctx, ctx->resource,
                                     ngx_openzaak_zrc_status_more_scopes, &g);

    if (rc == NGX_ERROR) {
        return NGX_ERROR;
    }

    if (rc == NGX_OK
        && json_object_object_get_ex(w->row, "zaak", &v)
        && json_object_is_type(v, json_type_string))
    {
        zaak = json_object_get_string(v);

        if (ngx_openzaak_sql_add(w->query, ctx->request->pool,
                "SELECT zgw.allowed(NOT EXISTS (SELECT 1 FROM zaken.status s"
                " WHERE s.zaak = $3::uuid) OR EXISTS (SELECT 1"
                " FROM zaken.zaak z, unnest($1::uuid[], $2::int2[]) g(k, v)"
                " WHERE z.uuid = $3::uuid AND g.k = z.zaaktype"
                " AND zgw.va_order(z.vertrouwelijkheidaanduiding) <= g.v),"
                " 'Met de ''zaken.aanmaken'' scope mag je slechts 1 status"
                " zetten')", 3,
                g.keys, g.vas, zaak)
            == NULL)
        {
            return NGX_ERROR;
        }
    }

    return ngx_openzaak_sql_add(w->query, ctx->request->pool,
               "SELECT zaken.status_create(jsonb_populate_record("
               "NULL::zaken.status, $1::jsonb),"
               " $1::jsonb->>'datum_status_gezet')", 1,
               (char *) row.data)
           ? NGX_OK : NGX_ERROR;
}
