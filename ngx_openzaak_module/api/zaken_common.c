/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: what the resources share.  The scopes are those of
 * the OAS (ZGW-INVENTORY 1.1); every resource is authorised per zaak
 * (zrc-006): a zaak by its own zaaktype and vertrouwelijkheidaanduiding,
 * a part by those of its zaak.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


const char *const  ngx_openzaak_zrc_lezen[] = { "zaken.lezen", NULL };

const char *const  ngx_openzaak_zrc_aanmaken[] = { "zaken.aanmaken", NULL };

const char *const  ngx_openzaak_zrc_bijwerken[] = {
    "zaken.bijwerken|zaken.geforceerd-bijwerken", NULL
};

const char *const  ngx_openzaak_zrc_verwijderen[] = {
    "zaken.verwijderen", NULL
};

const char *const  ngx_openzaak_zrc_part_schrijven[] = {
    "zaken.bijwerken|zaken.geforceerd-bijwerken", NULL
};

const char *const  ngx_openzaak_zrc_part_verwijderen[] = {
    "zaken.bijwerken|zaken.geforceerd-bijwerken|zaken.verwijderen", NULL
};


/* zrc-007: a closed zaak and its parts change only with this scope */
static const char *const  ngx_openzaak_zrc_geforceerd[] = {
    "zaken.geforceerd-bijwerken", NULL
};


/*
 * A new zaak without a vertrouwelijkheidaanduiding is judged on its
 * zaaktype alone (order 0), as Open Zaak does; a stored one always has
 * one.
 */
const ngx_openzaak_auth_t  ngx_openzaak_zrc_zaak_auth = {
    .component = "zrc",
    .member = "zaaktype",
    .type_ref = "catalogi/zaaktypen",
    .type = "t.zaaktype",
    .va = "coalesce(zgw.va_order(t.vertrouwelijkheidaanduiding), 0)",
    .closed = "t.einddatum IS NOT NULL",
    .closed_scopes = ngx_openzaak_zrc_geforceerd,
    .closed_detail = NGX_OZ_ZRC_CLOSED_ZAAK
};

const ngx_openzaak_auth_t  ngx_openzaak_zrc_part_auth = {
    .component = "zrc",
    .member = "zaaktype",
    .type_ref = "catalogi/zaaktypen",
    .type = "z.zaaktype",
    .va = "zgw.va_order(z.vertrouwelijkheidaanduiding)",
    .from = "zaken.zaak z",
    .join = "z.uuid = t.zaak",
    .parent = "zaak",
    .closed = "z.einddatum IS NOT NULL",
    .closed_scopes = ngx_openzaak_zrc_geforceerd,
    .closed_detail = NGX_OZ_ZRC_CLOSED_PART
};


/* the kenmerken of the zaken kanaal, in the standard's order, and Open
 * Zaak's zaaktype.catalogus */

const ngx_openzaak_kenmerk_t  ngx_openzaak_zrc_zaak_kenmerken[] = {
    { "bronorganisatie", "t.bronorganisatie" },
    { "zaaktype", "$1 || '/catalogi/api/v1/zaaktypen/' || t.zaaktype" },
    { "zaaktype.catalogus",
      "$1 || '/catalogi/api/v1/catalogussen/' || (SELECT zt.catalogus"
      " FROM catalogi.zaaktype zt WHERE zt.uuid = t.zaaktype)" },
    { "vertrouwelijkheidaanduiding", "t.vertrouwelijkheidaanduiding" },
    { NULL, NULL }
};

const ngx_openzaak_kenmerk_t  ngx_openzaak_zrc_part_kenmerken[] = {
    { "bronorganisatie",
      "(SELECT z.bronorganisatie FROM zaken.zaak z WHERE z.uuid = t.zaak)" },
    { "zaaktype",
      "$1 || '/catalogi/api/v1/zaaktypen/' || (SELECT z.zaaktype"
      " FROM zaken.zaak z WHERE z.uuid = t.zaak)" },
    { "zaaktype.catalogus",
      "$1 || '/catalogi/api/v1/catalogussen/' || (SELECT zt.catalogus"
      " FROM zaken.zaak z JOIN catalogi.zaaktype zt ON zt.uuid = z.zaaktype"
      " WHERE z.uuid = t.zaak)" },
    { "vertrouwelijkheidaanduiding",
      "(SELECT z.vertrouwelijkheidaanduiding FROM zaken.zaak z"
      " WHERE z.uuid = t.zaak)" },
    { NULL, NULL }
};
