/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#ifndef _NGX_OPENZAAK_ZAKEN_H_INCLUDED_
#define _NGX_OPENZAAK_ZAKEN_H_INCLUDED_


#include "ngx_openzaak_api.h"


/*
 * What the Zaken API resources share: scopes, the per-object
 * authorisation of a zaak and of its parts, the notification kenmerken of
 * the zaken kanaal.
 */


/* the parts of a zaak: their zaak, and the kenmerken of its messages */

#define NGX_OZ_ZRC_PART_ZAAK(what)                                           \
    { .name = "zaak", .column = "zaak", .type = NGX_OZ_REF,                  \
      .flags = NGX_OZ_REQUIRED|NGX_OZ_IMMUTABLE, .ref = "zaken/zaken",       \
      .min_length = 1, .max_length = 1000,                                   \
      .description = "URL-referentie naar de ZAAK" what "." }

#define NGX_OZ_ZRC_URL(path)                                                 \
    "%a.uuid", .url = "zaken/" path

/* the details of Open Zaak's 403 for a write to a closed zaak: of the
 * zaak itself, and of one of its parts (ZaakClosed) */
#define NGX_OZ_ZRC_CLOSED_ZAAK                                               \
    "Modifying a closed case with current scope is forbidden"
#define NGX_OZ_ZRC_CLOSED_PART                                               \
    "Je mag geen gegevens aanpassen van een gesloten zaak."

/* the audit trail of a part: its zaak's, resourceWeergave "(bron -
 * identificatie of the zaak) - what" */
#define NGX_OZ_ZRC_PART_AUDIT(what)                                          \
    { .bron = "zrc",                                                         \
      .weergave = "(SELECT '(' || z.bronorganisatie || ' - '"                \
                  " || z.identificatie || ') - ' || " what                   \
                  " FROM zaken.zaak z WHERE z.uuid = t.zaak)",               \
      .hoofd = "t.zaak", .hoofd_path = "zaken" }

/* the zaak of a part, for the hoofdObject of its messages */
#define NGX_OZ_ZRC_PART_HOOFD_OBJECT                                         \
    "$1 || '/zaken/api/v1/zaken/' || t.zaak"


extern const char *const  ngx_openzaak_zrc_lezen[];
extern const char *const  ngx_openzaak_zrc_aanmaken[];
extern const char *const  ngx_openzaak_zrc_bijwerken[];
extern const char *const  ngx_openzaak_zrc_verwijderen[];
extern const char *const  ngx_openzaak_zrc_part_schrijven[];
extern const char *const  ngx_openzaak_zrc_part_verwijderen[];

extern const ngx_openzaak_auth_t     ngx_openzaak_zrc_zaak_auth;
extern const ngx_openzaak_auth_t     ngx_openzaak_zrc_part_auth;
extern const ngx_openzaak_kenmerk_t  ngx_openzaak_zrc_zaak_kenmerken[];
extern const ngx_openzaak_kenmerk_t  ngx_openzaak_zrc_part_kenmerken[];

/* zaken_zaak_filters.c */
extern const ngx_openzaak_filter_t    ngx_openzaak_zrc_zaak_filters[];
extern const ngx_openzaak_filter_t    ngx_openzaak_zrc_zaak_zoek_filters[];
extern const ngx_openzaak_ordering_t  ngx_openzaak_zrc_zaak_orderings[];


/* the identificaties of persons and organisations: rol and zaakobject */
extern const ngx_openzaak_field_t  ngx_openzaak_zrc_np_id[];
extern const ngx_openzaak_field_t  ngx_openzaak_zrc_nnp_id[];
extern const ngx_openzaak_field_t  ngx_openzaak_zrc_vestiging_id[];
extern const ngx_openzaak_field_t  ngx_openzaak_zrc_oeh_id[];
extern const ngx_openzaak_field_t  ngx_openzaak_zrc_medewerker_id[];


extern ngx_openzaak_resource_t  ngx_openzaak_zrc_zaak;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_status;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_resultaat;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_rol;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakobject;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakeigenschap;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakbesluit;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_audittrail;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_klantcontact;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakcontactmoment;
extern ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakverzoek;


#endif /* _NGX_OPENZAAK_ZAKEN_H_INCLUDED_ */
