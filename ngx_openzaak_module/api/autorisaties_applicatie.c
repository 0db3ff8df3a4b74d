/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Autorisaties API 1.0.0: the Applicatie resource, its descriptor and the
 * rules ac-001..ac-003.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_api.h"


static ngx_int_t ngx_openzaak_ac_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_ac_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_ac_after(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_ac_consumer(ngx_openzaak_ctx_t *ctx);


static const ngx_openzaak_field_t  ngx_openzaak_ac_client_id[] = {
    { .name = "clientId", .type = NGX_OZ_STRING, .min_length = 1,
      .max_length = 50 },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_ac_scope[] = {
    { .name = "scope", .type = NGX_OZ_STRING, .min_length = 1,
      .max_length = 100 },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_ac_autorisatie_fields[] = {

    { .name = "component", .column = "component", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_DISCRIMINATOR,
      .enums = ngx_openzaak_component_enum,
      .description = "Component waarop autorisatie van toepassing is." },

    { .name = "componentWeergave", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_READONLY,
      .render = "(CASE %a.component WHEN 'ac' THEN 'Autorisaties API'"
                " WHEN 'nrc' THEN 'Notificaties API'"
                " WHEN 'zrc' THEN 'Zaken API'"
                " WHEN 'ztc' THEN 'Catalogi API'"
                " WHEN 'drc' THEN 'Documenten API'"
                " WHEN 'brc' THEN 'Besluiten API'"
                " WHEN 'cmc' THEN 'Contactmomenten API'"
                " WHEN 'kc' THEN 'Klanten API'"
                " WHEN 'vrc' THEN 'Verzoeken API' END)",
      .description = "Omschrijving van `component`." },

    { .name = "scopes", .column = "scopes", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_REQUIRED, .fields = ngx_openzaak_ac_scope,
      .description = "Lijst van scope labels. Elke scope geeft toegang tot "
                     "een set van acties/operaties, zoals gedocumenteerd bij "
                     "de betreffende component." },

    { .name = "zaaktype", .column = "zaaktype", .type = NGX_OZ_URI,
      .flags = NGX_OZ_BLANK, .max_length = 1000, .dflt = "\"\"",
      .variants = "zrc",
      .description = "URL naar het zaaktype waarop de autorisatie van "
                     "toepassing is." },

    { .name = "informatieobjecttype", .column = "informatieobjecttype",
      .type = NGX_OZ_URI, .flags = NGX_OZ_BLANK, .max_length = 1000,
      .dflt = "\"\"", .variants = "drc",
      .description = "URL naar het informatieobjecttype waarop de "
                     "autorisatie van toepassing is." },

    { .name = "besluittype", .column = "besluittype", .type = NGX_OZ_URI,
      .flags = NGX_OZ_BLANK, .max_length = 1000, .dflt = "\"\"",
      .variants = "brc",
      .description = "URL naar het besluittype waarop de autorisatie van "
                     "toepassing is." },

    { .name = "maxVertrouwelijkheidaanduiding",
      .column = "max_vertrouwelijkheidaanduiding", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_ENUM_BLANK, .enums = ngx_openzaak_va_enum,
      .dflt = "\"\"", .variants = "zrc drc",
      .description = "Maximaal toegelaten vertrouwelijkheidaanduiding "
                     "(inclusief)." },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_ac_autorisatie[] = {
    { .name = "AutorisatieBase", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_ac_autorisatie_fields },
    { .name = NULL }
};


static const ngx_openzaak_child_t  ngx_openzaak_ac_autorisaties_child = {
    "autorisaties.autorisatie", "applicatie_uuid", "position"
};


static const ngx_openzaak_field_t  ngx_openzaak_ac_applicatie_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = "%a.uuid", .url = "autorisaties/applicaties",
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "clientIds", .column = "client_ids", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_REQUIRED, .fields = ngx_openzaak_ac_client_id,
      .description = "Lijst van consumer identifiers (hun 'client_id'). Een "
                     "`client_id` mag slechts bij één applicatie-object "
                     "voorkomen." },

    { .name = "label", .column = "label", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 100,
      .description = "Een leesbare representatie van de applicatie, voor "
                     "eindgebruikers." },

    { .name = "heeftAlleAutorisaties", .column = "heeft_alle_autorisaties",
      .type = NGX_OZ_BOOLEAN, .dflt = "false",
      .description = "Indien alle autorisaties gegeven zijn, dan hoeven deze "
                     "niet individueel opgegeven te worden. Gebruik dit "
                     "alleen als je de consumer helemaal vertrouwt." },

    { .name = "autorisaties", .type = NGX_OZ_ARRAY,
      .fields = ngx_openzaak_ac_autorisatie,
      .child = &ngx_openzaak_ac_autorisaties_child },

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ac_list_filters[] = {
    { .name = "clientIds", .type = NGX_OZ_STRING, .flags = NGX_OZ_FILTER_CSV,
      .sql = "t.client_ids && string_to_array($?::text, ',')",
      .description = "Meerdere waarden kunnen gescheiden worden door "
                     "komma's." },
    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ac_consumer_filters[] = {
    { .name = "clientId", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_FILTER_REQUIRED,
      .sql = "t.client_ids @> ARRAY[$?::text]",
      .description = "Geef het client ID op waarvoor je de applicatie wil "
                     "opvragen." },
    { .name = NULL }
};


static const char *const  ngx_openzaak_ac_lezen[] = {
    "autorisaties.lezen", NULL
};

static const char *const  ngx_openzaak_ac_bijwerken[] = {
    "autorisaties.bijwerken", NULL
};


#define NGX_OZ_AC_DESC                                                       \
    "De autorisaties zijn gedefinieerd op een specifieke component, "        \
    "bijvoorbeeld het ZRC, en geven aan welke scopes van toepassing zijn "   \
    "voor dit component. De waarde van de `component` bepaalt ook welke "    \
    "verdere informatie ingesloten is, zoals `zaaktype` en "                 \
    "`maxVertrouwelijkheidaanduiding` voor het ZRC.\n\n"                     \
    "In dit voorbeeld gelden er dus zaaktype-specifieke scopes en mogen "    \
    "zaken van het betreffende zaaktype met een striktere "                  \
    "vertrouwelijkheidaanduiding dan `maxVertrouwelijkheidaanduiding` "      \
    "niet ontsloten worden."


#define NGX_OZ_AC_WRITE_DESC                                                 \
    "Indien `heeftAlleAutorisaties` gezet is, dan moet je `autorisaties` "   \
    "leeg (of weg) laten.\n\n"                                               \
    "Indien je `autorisaties` meegeeft, dan moet `heeftAlleAutorisaties` "   \
    "de waarde `false` hebben of weggelaten worden.\n\n"


static const ngx_openzaak_operation_t  ngx_openzaak_ac_applicatie_ops[] = {

    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, "applicatie_list",
      "Geef een collectie van applicaties, met ingesloten autorisaties.",
      ngx_openzaak_ac_lezen, NULL, NULL,
      NGX_OZ_AC_DESC "\n\nDe collectie kan doorzocht worden met de "
      "``clientIds`` query parameter." },

    { NGX_OZ_OP_CREATE, 0, NULL, 0, "applicatie_create",
      "Registreer een applicatie met een bepaalde set van autorisaties.",
      ngx_openzaak_ac_bijwerken, NULL, NULL,
      NGX_OZ_AC_WRITE_DESC
      "Na het aanmaken wordt een notificatie verstuurd." },

    { NGX_OZ_OP_READ, 0, NULL, 0, "applicatie_read",
      "Vraag een applicatie op, met ingesloten autorisaties.",
      ngx_openzaak_ac_lezen, NULL, NULL, NGX_OZ_AC_DESC },

    { NGX_OZ_OP_UPDATE, 0, NULL, 0, "applicatie_update",
      "Werk de applicatie bij.",
      ngx_openzaak_ac_bijwerken, NULL, NULL,
      NGX_OZ_AC_WRITE_DESC
      "Na het bijwerken wordt een notificatie verstuurd." },

    { NGX_OZ_OP_PATCH, 0, NULL, 0, "applicatie_partial_update",
      "Werk (een deel van) de applicatie bij.",
      ngx_openzaak_ac_bijwerken, NULL, NULL,
      "Indien `autorisaties` meegegeven is, dan worden de bestaande "
      "`autorisaties` vervangen met de nieuwe set van `autorisaties`.\n\n"
      NGX_OZ_AC_WRITE_DESC
      "Na het bijwerken wordt een notificatie verstuurd." },

    { NGX_OZ_OP_DELETE, 0, NULL, 0, "applicatie_delete",
      "Verwijder een applicatie met de bijhorende autorisaties.",
      ngx_openzaak_ac_bijwerken, NULL, NULL,
      "Na het verwijderen wordt een notificatie verstuurd." },

    { NGX_OZ_OP_ACTION, NGX_HTTP_GET, "consumer", 0, "applicatie_consumer",
      "Vraag een applicatie op, op basis van clientId",
      ngx_openzaak_ac_lezen, ngx_openzaak_ac_consumer_filters,
      ngx_openzaak_ac_consumer,
      "Gegeven een `clientId`, via de query string, zoek de bijbehorende "
      "applicatie op. Het antwoord bevat de applicatie met ingesloten "
      "autorisaties." },

    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t  ngx_openzaak_ac_constraints[] = {
    { "client_id_pkey", "clientIds", "clientId-exists",
      "Een of meer client ID(s) worden al gebruikt bij een andere "
      "applicatie." },
    { NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_ac_hooks = {
    .validate = ngx_openzaak_ac_validate,
    .before = ngx_openzaak_ac_before,
    .after = ngx_openzaak_ac_after
};


ngx_openzaak_resource_t  ngx_openzaak_ac_applicatie = {
    .path = "applicaties",
    .name = "applicatie",
    .schema = "Applicatie",
    .table = "autorisaties.applicatie",
    .flags = NGX_OZ_RES_AUTH_DATA,
    .fields = ngx_openzaak_ac_applicatie_fields,
    .filters = ngx_openzaak_ac_list_filters,
    .operations = ngx_openzaak_ac_applicatie_ops,

    /* the list leaves out applicaties that are neither or both, as
     * Open Zaak does */
    .list_where = " AND t.heeft_alle_autorisaties <> t.heeft_autorisaties",

    .order = "t.id DESC",
    .kanaal = "autorisaties",
    .constraints = ngx_openzaak_ac_constraints,
    .hooks = &ngx_openzaak_ac_hooks,
    .description = "Applicatie met autorisaties."
};


/*
 * ac-003: with scopes of its own component, a zrc autorisatie needs a
 * zaaktype and a maximum vertrouwelijkheidaanduiding, drc an
 * informatieobjecttype and one, brc a besluittype.
 */

static ngx_int_t
ngx_openzaak_ac_validate(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    size_t        i, n, j, m;
    int64_t       pos;
    u_char        buf[64], *p;
    ngx_str_t     name;
    ngx_uint_t    k;
    json_object  *rows, *row, *v, *scopes;
    const char   *component, *prefix, *scope, *fields[2];

    if (!json_object_object_get_ex(w->children, "autorisaties", &rows)) {
        return NGX_OK;
    }

    n = json_object_array_length(rows);

    for (i = 0; i < n; i++) {
        row = json_object_array_get_idx(rows, i);

        if (!json_object_object_get_ex(row, "component", &v)) {
            continue;
        }

        /* invalid items are left out of rows: name them by position */
        pos = json_object_get_int64(json_object_object_get(row, "position"));

        component = json_object_get_string(v);
        fields[1] = NULL;

        if (ngx_strcmp(component, "zrc") == 0) {
            prefix = "zaken.";
            fields[0] = "zaaktype";
            fields[1] = "maxVertrouwelijkheidaanduiding";

        } else if (ngx_strcmp(component, "drc") == 0) {
            prefix = "documenten.";
            fields[0] = "informatieobjecttype";
            fields[1] = "maxVertrouwelijkheidaanduiding";

        } else if (ngx_strcmp(component, "brc") == 0) {
            prefix = "besluiten.";
            fields[0] = "besluittype";

        } else {
            continue;
        }

        if (!json_object_object_get_ex(row, "scopes", &scopes)) {
            continue;
        }

        m = json_object_array_length(scopes);

        for (j = 0; j < m; j++) {
            scope = json_object_get_string(json_object_array_get_idx(scopes,
                                                                      j));
            if (ngx_strncmp(scope, prefix, ngx_strlen(prefix)) == 0) {
                break;
            }
        }

        if (j == m) {
            continue;
        }

        for (k = 0; k < 2 && fields[k]; k++) {
            const char  *column = (k == 0) ? fields[0]
                                           : "max_vertrouwelijkheidaanduiding";

            if (json_object_object_get_ex(row, column, &v)
                && json_object_get_string_len(v) > 0)
            {
                continue;
            }

            p = ngx_snprintf(buf, sizeof(buf), "autorisaties.%L.%s", pos,
                             fields[k]);
            name.data = buf;
            name.len = p - buf;

            if (ngx_openzaak_invalidf(ctx, &name, "required",
                                      "Dit veld is verplicht als de "
                                      "`component` %s is", component)
                != NGX_OK)
            {
                return NGX_ERROR;
            }
        }
    }

    return NGX_OK;
}


/* ac-001: a client id belongs to one applicatie only. */

static ngx_int_t
ngx_openzaak_ac_before(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    char         *uuid;
    ngx_str_t     ids;
    json_object  *v;

    if (w->kind == NGX_OZ_OP_DELETE
        || !json_object_object_get_ex(w->row, "client_ids", &v))
    {
        return NGX_OK;
    }

    /* as SQL NULL, a.uuid <> $1 would match no applicatie: no check */
    uuid = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &w->uuid);

    if (uuid == NULL
        || ngx_openzaak_json_to_str(ctx->request->pool, v, &ids) != NGX_OK)
    {
        return NGX_ERROR;
    }

    if (ngx_openzaak_sql_add(w->query, ctx->request->pool,
            "SELECT zgw.invalid('clientIds', 'clientId-exists',"
            " format('De client ID(s) %s wordt al gebruikt bij applicaties"
            " %s', string_agg(DISTINCT c, ', '),"
            " string_agg(DISTINCT a.uuid::text, ', ')))"
            " FROM autorisaties.applicatie a, unnest(a.client_ids) c"
            " WHERE a.uuid <> $1::uuid"
            " AND c IN (SELECT jsonb_array_elements_text($2::jsonb))"
            " HAVING count(*) > 0", 2, uuid, (char *) ids.data)
        == NULL)
    {
        return NGX_ERROR;
    }

    return NGX_OK;
}


/*
 * ac-002 on the stored result, so that a PATCH is judged together with
 * what it does not change; and a JWT secret record for every new client
 * id, as Open Zaak creates one (empty until a secret is set).
 */

static ngx_int_t
ngx_openzaak_ac_after(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    char  *uuid;

    if (w->kind == NGX_OZ_OP_DELETE) {
        return NGX_OK;
    }

    uuid = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &w->uuid);
    if (uuid == NULL) {
        return NGX_ERROR;
    }

    if (ngx_openzaak_sql_add(w->query, ctx->request->pool,
            "SELECT zgw.invalid('nonFieldErrors',"
            " CASE WHEN a.heeft_alle_autorisaties"
            " THEN 'ambiguous-authorizations-specified'"
            " ELSE 'missing-authorizations' END,"
            " CASE WHEN a.heeft_alle_autorisaties"
            " THEN 'Je kan niet tegelijk `autorisaties` opgeven en"
            " `heeftAlleAutorisaties` op `true` zetten.'"
            " ELSE 'Je moet `autorisaties` opgeven of"
            " `heeftAlleAutorisaties` op `true` zetten.' END)"
            " FROM autorisaties.applicatie a WHERE a.uuid = $1::uuid"
            " AND a.heeft_alle_autorisaties = EXISTS(SELECT 1 FROM"
            " autorisaties.autorisatie x WHERE x.applicatie_uuid = a.uuid)",
            1, uuid)
        == NULL)
    {
        return NGX_ERROR;
    }

    if (ngx_openzaak_sql_add(w->query, ctx->request->pool,
            "INSERT INTO autorisaties.jwt_secret (client_id)"
            " SELECT unnest(client_ids) FROM autorisaties.applicatie"
            " WHERE uuid = $1::uuid ON CONFLICT DO NOTHING", 1, uuid)
        == NULL)
    {
        return NGX_ERROR;
    }

    return NGX_OK;
}


/* GET /applicaties/consumer?clientId=...: the applicatie of one client. */

static ngx_int_t
ngx_openzaak_ac_consumer(ngx_openzaak_ctx_t *ctx)
{
    return ngx_openzaak_engine_find(ctx);
}
