# Catalogi API 1.3.1: the types that hang below a zaaktype: statustypen,
# roltypen, eigenschappen, zaakobjecttypen and resultaattypen.  Create, read,
# list with every filter of the spec, update, partial update, delete; the
# rules ztc-002..ztc-008 (resultaattype, Selectielijst), ztc-010 (nothing
# below a published zaaktype changes without the forced scopes), ztc-015
# (eigenschap specificatie), uniqueness, derived fields and the errors.
#
# Catalogussen/zaaktypen are t/100, informatieobjecttypen/besluittypen/
# zaaktype-informatieobjecttypen t/110, scopes/ETag/HEAD/pagination/content
# types t/130.
#
# Expectations come from ../shared/reference: the Catalogi OAS, the
# standard's text (standaard/zgw-1.5/standaard/catalogi/index.md), where
# those are silent Open Zaak as in ZGW-INVENTORY.md (2.3, 2.6, 4.3, 4.5),
# the ztc-* rules of RULES-CHECKLIST.md and the codes of ERROR-CODES.md.
#
# Conventions of this file
#
# * Every block starts from a known database: `--- init` calls main::seed(),
#   which empties the module's tables, creates the clients below, two
#   catalogussen and a set of zaaktypen (fixed uuids, see %U).  Fixtures
#   below a zaaktype are inserted with main::st() (statustype), main::rt()
#   (roltype), main::eig() (eigenschap), main::zot() (zaakobjecttype),
#   main::res() (resultaattype), main::bt() (besluittype), main::iot()
#   (informatieobjecttype) and main::zt() (more zaaktypen).
# * Clients (always the same uuids, secrets and scopes, so an auth cache can
#   never differ from the database):
#       schrijver  catalogi.lezen, catalogi.schrijven
#       forceer    catalogi.lezen, catalogi.schrijven,
#                  catalogi.geforceerd-schrijven
#       verwijder  catalogi.lezen, catalogi.schrijven,
#                  catalogi.geforceerd-verwijderen
#       super      heeftAlleAutorisaties: every scope except the forced
#                  ones, which only count when an autorisatie names them
#                  (the standard's "correctie" needs an explicit scope)
# * main::hdr(WHO, EXTRA...) / main::hdr_json(WHO, EXTRA...) give the request
#   headers: a bearer token for WHO, "Host: localhost" (so rendered URLs are
#   http://localhost/...) and, for hdr_json, Content-Type: application/json.
# * The Selectielijst API is t/data/selectielijst served at
#   http://selectielijst.test/api/v1 (oz_setup selectielijst => 1).  Used
#   here (procestype -> resultaat: procestermijn, waardering, bewaartermijn):
#       b594c8d1 Instellen en inrichten organisatie
#           6711baff  nihil       vernietigen       P10Y
#           6d37598e  ''          blijvend_bewaren  -
#       388645ae Onderhouden -> 59596a33 ingeschatte_bestaansduur_procesobject
#                                                vernietigen P5Y
#       e04ccf9b Plannen     -> f3e74904 vast_te_leggen_datum vernietigen P5Y
#       83ad3b3f Toezien     -> 1f2b9506 ''          vernietigen P2Y
#       a81c84fb Secretariaat-> e84b516b nihil       vernietigen (none)
#   resultaattypeomschrijvingen fb65d251 Toegekend, e6a0c939 Afgewezen.
# * Sections of this file, implemented with the public
#   add_response_body_check() so they are ordinary assertions under both
#   runners:
#       --- sql_check / --- sql_check_out   SQL run after the response and
#               its expected psql -A -t output (eval arrays: per request)
#       --- invalid_params  the expected 400 ValidatieFout: one line per
#               entry, "name code [reason]"; compared as a set (order
#               free), nothing missing and nothing extra; the body's code
#               must be "invalid" and its status 400.  An eval array gives
#               one text per request.
#       --- results_by_uuid  JSON object uuid -> subset: the list response
#               has exactly these results (count and page), in any order,
#               each containing its subset.  A JSON array gives one object
#               per request.
# * Every block checks that nothing is logged at [alert], [crit] or [emerg]
#   (a Selectielijst URL that does not exist is a 404 nginx may log at
#   [error], so that level is not checked).
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use JSON::PP ();

no_shuffle();
no_long_string();
oz_setup(apis => ['catalogi'], selectielijst => 1);

our %SECRET = (
    super     => 'super-secret',
    schrijver => 'schrijver-secret',
    forceer   => 'forceer-secret',
    verwijder => 'verwijder-secret',
);

our %CLIENT = (
    schrijver => ['eeeeeeee-0000-4000-8000-000000000002',
                  'catalogi.lezen', 'catalogi.schrijven'],
    forceer   => ['eeeeeeee-0000-4000-8000-000000000003',
                  'catalogi.lezen', 'catalogi.schrijven',
                  'catalogi.geforceerd-schrijven'],
    verwijder => ['eeeeeeee-0000-4000-8000-000000000004',
                  'catalogi.lezen', 'catalogi.schrijven',
                  'catalogi.geforceerd-verwijderen'],
);

our $SL = 'http://selectielijst.test/api/v1';
our %PT = (
    org       => "$SL/procestypen/b594c8d1-ea6a-4bcd-a6aa-2c7a8ad3fe5b",
    onderhoud => "$SL/procestypen/388645ae-bb7f-4b2b-ba70-94b70f713d45",
    plan      => "$SL/procestypen/e04ccf9b-501b-4228-8e16-c95eab801ee5",
    toezicht  => "$SL/procestypen/83ad3b3f-2fde-4c1b-8249-4e1429ebc6ad",
    secr      => "$SL/procestypen/a81c84fb-7c70-40fb-b76b-290c973402fa",
);

sub main::sq { OZ::Test::oz_quote(@_) }

# Fixture SQL runs at once, or is collected while $main::BATCH is defined
# (main::seed sends its fixtures in one psql run).
our $BATCH;
sub main::run_sql {
    my ($sql) = @_;
    if (defined $BATCH) {
        $BATCH .= "$sql\n";
    } else {
        OZ::Test::oz_psql($sql);
    }
}

# main::zt(uuid, identificatie, cat => CAT uuid, concept => 0|1,
#          begin => date, einde => date, versiedatum => date, pt => key of %PT)
sub main::zt {
    my ($uuid, $ident, %o) = @_;
    my $q = \&main::sq;
    my $begin = $o{begin} // '2024-01-01';
    main::run_sql(sprintf(
        "INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie,"
        . " omschrijving, vertrouwelijkheidaanduiding, doel, aanleiding,"
        . " indicatie_intern_of_extern, handeling_initiator, onderwerp,"
        . " handeling_behandelaar, doorlooptijd,"
        . " opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,"
        . " publicatie_indicatie, referentieproces, verantwoordelijke,"
        . " begin_geldigheid, einde_geldigheid, versiedatum, concept,"
        . " selectielijst_procestype, selectielijst_procestype_jaar)"
        . " VALUES (%s, %s, %s, %s, 'openbaar', 'doel', 'aanleiding',"
        . " 'extern', 'aanvragen', 'onderwerp', 'behandelen', 'P30D',"
        . " false, false, false, '{\"naam\": \"ref\", \"link\": \"\"}',"
        . " '100000009', %s, %s, %s, %s, %s, 2020);",
        $q->($uuid), $q->($o{cat} // $main::U{cat1}), $q->($ident),
        $q->("Zaaktype $ident"), $q->($begin), $q->($o{einde}),
        $q->($o{versiedatum} // $begin),
        ($o{concept} // 1) ? 'true' : 'false',
        $q->($PT{ $o{pt} // 'org' })));
}

# main::st(uuid, zaaktype, volgnummer, omschrijving)
sub main::st {
    my ($uuid, $zt, $nr, $oms) = @_;
    main::run_sql(sprintf("INSERT INTO catalogi.statustype (uuid, zaaktype,"
        . " omschrijving, volgnummer) VALUES (%s, %s, %s, %d);",
        main::sq($uuid), main::sq($zt), main::sq($oms // "Status $nr"), $nr));
}

# main::rt(uuid, zaaktype, omschrijving, omschrijvingGeneriek)
sub main::rt {
    my ($uuid, $zt, $oms, $gen) = @_;
    main::run_sql(sprintf("INSERT INTO catalogi.roltype (uuid, zaaktype,"
        . " omschrijving, omschrijving_generiek) VALUES (%s, %s, %s, %s);",
        main::sq($uuid), main::sq($zt), main::sq($oms),
        main::sq($gen // 'behandelaar')));
}

# main::eig(uuid, zaaktype, naam, statustype)
sub main::eig {
    my ($uuid, $zt, $naam, $st) = @_;
    main::run_sql(sprintf("INSERT INTO catalogi.eigenschap (uuid, zaaktype,"
        . " naam, definitie, specificatie, statustype) VALUES (%s, %s, %s,"
        . " 'definitie', '{\"groep\": \"\", \"formaat\": \"tekst\","
        . " \"lengte\": \"10\", \"kardinaliteit\": \"1\","
        . " \"waardenverzameling\": []}', %s);",
        main::sq($uuid), main::sq($zt), main::sq($naam), main::sq($st)));
}

# main::zot(uuid, zaaktype, relatieOmschrijving, statustype, ander => 0|1,
#           objecttype => url, begin => date, einde => date)
sub main::zot {
    my ($uuid, $zt, $rel, $st, %o) = @_;
    main::run_sql(sprintf("INSERT INTO catalogi.zaakobjecttype (uuid,"
        . " zaaktype, ander_objecttype, objecttype, relatie_omschrijving,"
        . " statustype, begin_geldigheid, einde_geldigheid) VALUES"
        . " (%s, %s, %s, %s, %s, %s, %s, %s);",
        main::sq($uuid), main::sq($zt), $o{ander} ? 'true' : 'false',
        main::sq($o{objecttype} // 'https://objecttypen.example/api/v2/objecttypes/1'),
        main::sq($rel), main::sq($st), main::sq($o{begin}), main::sq($o{einde})));
}

# main::res(uuid, zaaktype, omschrijving, besluittypen => [omschrijving],
#           informatieobjecttypen => [omschrijving])
# a resultaattype with selectielijstklasse 6711baff (nihil, vernietigen)
sub main::res {
    my ($uuid, $zt, $oms, %o) = @_;
    my $arr = sub { 'ARRAY[' . join(',', map { main::sq($_) } @{ $_[0] || [] })
                    . ']::text[]' };
    main::run_sql(sprintf("INSERT INTO catalogi.resultaattype (uuid,"
        . " zaaktype, omschrijving, resultaattypeomschrijving,"
        . " omschrijving_generiek, selectielijstklasse,"
        . " selectielijst_procestype, selectielijst_procestermijn,"
        . " archiefnominatie, archiefactietermijn, brondatum_archiefprocedure,"
        . " besluittypen, informatieobjecttypen) VALUES (%s, %s, %s,"
        . " '$SL/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1',"
        . " 'Toegekend', '$SL/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f',"
        . " '$PT{org}', 'nihil', 'vernietigen', 'P10Y',"
        . " '{\"afleidingswijze\": \"afgehandeld\", \"datumkenmerk\": \"\","
        . " \"einddatumBekend\": false, \"objecttype\": \"\","
        . " \"registratie\": \"\", \"procestermijn\": null}', %s, %s);",
        main::sq($uuid), main::sq($zt), main::sq($oms),
        $arr->($o{besluittypen}), $arr->($o{informatieobjecttypen})));
}

# main::bt(uuid, catalogus, omschrijving, concept => 0|1, begin, einde)
sub main::bt {
    my ($uuid, $cat, $oms, %o) = @_;
    main::run_sql(sprintf("INSERT INTO catalogi.besluittype (uuid,"
        . " catalogus, omschrijving, publicatie_indicatie, begin_geldigheid,"
        . " einde_geldigheid, concept) VALUES (%s, %s, %s, false, %s, %s, %s);",
        main::sq($uuid), main::sq($cat), main::sq($oms),
        main::sq($o{begin} // '2020-01-01'), main::sq($o{einde}),
        ($o{concept} // 1) ? 'true' : 'false'));
}

# main::iot(uuid, catalogus, omschrijving, concept => 0|1)
sub main::iot {
    my ($uuid, $cat, $oms, %o) = @_;
    main::run_sql(sprintf("INSERT INTO catalogi.informatieobjecttype"
        . " (uuid, catalogus, omschrijving, vertrouwelijkheidaanduiding,"
        . " begin_geldigheid, concept, informatieobjectcategorie) VALUES"
        . " (%s, %s, %s, 'openbaar', '2020-01-01', %s, 'brief');",
        main::sq($uuid), main::sq($cat), main::sq($oms),
        ($o{concept} // 1) ? 'true' : 'false'));
}

our %U = (
    cat1       => 'cccccccc-0000-4000-8000-000000000001',
    cat2       => 'cccccccc-0000-4000-8000-000000000002',
    zt_c       => 'aaaaaaaa-1111-4000-8000-000000000001',  # ZT-C concept
    zt_p       => 'aaaaaaaa-1111-4000-8000-000000000002',  # ZT-P published
    zt_x       => 'aaaaaaaa-1111-4000-8000-000000000003',  # ZT-X concept, cat2
    zt_c2      => 'aaaaaaaa-1111-4000-8000-000000000004',  # ZT-C2 concept
    zt_onderh  => 'aaaaaaaa-1111-4000-8000-000000000011',  # concept, pt onderhoud
    zt_plan    => 'aaaaaaaa-1111-4000-8000-000000000012',  # concept, pt plan
    zt_toez    => 'aaaaaaaa-1111-4000-8000-000000000013',  # concept, pt toezicht
    zt_secr    => 'aaaaaaaa-1111-4000-8000-000000000014',  # concept, pt secr
    zt_e       => 'aaaaaaaa-1111-4000-8000-000000000005',  # ZT-E, with an end
    zt_v1      => 'aaaaaaaa-1111-4000-8000-000000000021',  # ZT-V 2020..2021
    zt_v2      => 'aaaaaaaa-1111-4000-8000-000000000022',  # ZT-V 2022..
    zt_w       => 'aaaaaaaa-1111-4000-8000-000000000023',  # ZT-W 2020..
);

# Published versions: ZT-V 2020-01-01..2021-12-31 and 2022-01-01..(open),
# ZT-W 2020-01-01..(open).
sub main::versions {
    local $BATCH = '';
    main::zt($U{zt_v1}, 'ZT-V', concept => 0, begin => '2020-01-01',
             einde => '2021-12-31');
    main::zt($U{zt_v2}, 'ZT-V', concept => 0, begin => '2022-01-01');
    main::zt($U{zt_w}, 'ZT-W', concept => 0, begin => '2020-01-01');
    OZ::Test::oz_psql($BATCH);
}

our %R = (
    nihil        => "$SL/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f",
    blijvend     => "$SL/resultaten/6d37598e-30f0-4aef-930d-3e1690725d95",
    ingeschat    => "$SL/resultaten/59596a33-c8db-4aa7-bb81-140cb29bb42a",
    vast         => "$SL/resultaten/f3e74904-dd73-4a62-8f0e-d47959795fa4",
    leeg         => "$SL/resultaten/1f2b9506-e596-469e-840d-00ddcd03a84d",
    nobewaar     => "$SL/resultaten/e84b516b-3d0c-4bef-ad3c-b412bb851e31",
    onbekend     => "$SL/resultaten/00000000-0000-4000-8000-000000000000",
);
our %RTO = (
    toegekend => "$SL/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1",
    afgewezen => "$SL/resultaattypeomschrijvingen/e6a0c939-3404-45b0-88e3-76c94fb80ea7",
    onbekend  => "$SL/resultaattypeomschrijvingen/00000000-0000-4000-8000-000000000000",
);

# URL of a fixture: main::url('zaaktypen', $U{zt_c})
sub main::url { "http://localhost/catalogi/api/v1/$_[0]/$_[1]" }

# The JSON body of a resultaattype: below ZT-C (procestype
# org), selectielijstklasse 6711baff (nihil), resultaattypeomschrijving
# Toegekend, afleidingswijze afgehandeld; %o overrides members (undef
# removes one; zt => key of %U for the zaaktype; brondatum => {...} for
# brondatumArchiefprocedure).
sub main::rbody {
    my (%o) = @_;
    my %b = (
        zaaktype => main::url('zaaktypen', $U{ delete $o{zt} // 'zt_c' }),
        omschrijving => 'Toegekend',
        resultaattypeomschrijving => $RTO{toegekend},
        selectielijstklasse => $R{nihil},
        brondatumArchiefprocedure => { afleidingswijze => 'afgehandeld' },
    );
    $o{brondatumArchiefprocedure} = delete $o{brondatum}
        if exists $o{brondatum};
    for my $k (keys %o) {
        if (defined $o{$k}) { $b{$k} = $o{$k} } else { delete $b{$k} }
    }
    return JSON::PP->new->canonical->encode(\%b);
}

sub main::seed {
    OZ::Test::oz_reset();
    for my $who (sort keys %CLIENT) {
        my ($uuid, @scopes) = @{ $CLIENT{$who} };
        OZ::Test::oz_client(client_id => $who, secret => $SECRET{$who},
            uuid => $uuid, label => $who, heeft_alle => 0,
            autorisaties => [{ component => 'ztc', scopes => \@scopes }]);
    }
    OZ::Test::oz_client(client_id => 'super', secret => $SECRET{super},
        uuid => 'eeeeeeee-0000-4000-8000-000000000001', label => 'super',
        heeft_alle => 1);
    local $BATCH = '';
    main::run_sql(
        "INSERT INTO catalogi.catalogus (uuid, domein, rsin,"
        . " contactpersoon_beheer_naam, naam) VALUES"
        . " ('$U{cat1}', 'EEN', '100000009', 'Beheer', 'Catalogus een'),"
        . " ('$U{cat2}', 'TWEE', '100000009', 'Beheer', 'Catalogus twee');");
    main::zt($U{zt_c}, 'ZT-C');
    main::zt($U{zt_p}, 'ZT-P', concept => 0, begin => '2023-01-01');
    main::zt($U{zt_x}, 'ZT-X', cat => $U{cat2});
    main::zt($U{zt_c2}, 'ZT-C2');
    main::zt($U{zt_onderh}, 'ZT-ONDERHOUD', pt => 'onderhoud');
    main::zt($U{zt_plan}, 'ZT-PLAN', pt => 'plan');
    main::zt($U{zt_toez}, 'ZT-TOEZICHT', pt => 'toezicht');
    main::zt($U{zt_secr}, 'ZT-SECR', pt => 'secr');
    OZ::Test::oz_psql($BATCH);
    return;
}

sub main::hdr {
    my ($who, @extra) = @_;
    my @h;
    push @h, OZ::Test::oz_bearer(client_id => $who,
                                 secret => $SECRET{$who} // 'unknown')
        if defined $who;
    push @h, 'Host: localhost', @extra;
    return join("\n", @h) . "\n";
}

sub main::hdr_json {
    my ($who, @extra) = @_;
    return main::hdr($who, 'Content-Type: application/json', @extra);
}

use OZ::Checks;

run_tests();

__DATA__

=== TEST 1: statustype: create with every field; derived fields rendered
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "Ontvangen", "omschrijvingGeneriek": "Ontvangen (generiek)",
 "statustekst": "Uw aanvraag is ontvangen",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "volgnummer": 1, "informeren": true, "doorlooptijd": "P5D",
 "toelichting": "De eerste status",
 "checklistitemStatustype": [
   {"itemnaam": "Compleet", "vraagstelling": "Is de aanvraag compleet?",
    "verplicht": true, "toelichting": "Alle bijlagen"},
   {"itemnaam": "Betaald", "vraagstelling": "Zijn de leges betaald?"}]}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- response_headers_like
Location: http://localhost/catalogi/api/v1/statustypen/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}
Content-Type: application/json
--- json_subset
{"url": "/^http:\\/\\/localhost\\/catalogi\\/api\\/v1\\/statustypen\\/[0-9a-f-]{36}$/",
 "omschrijving": "Ontvangen", "omschrijvingGeneriek": "Ontvangen (generiek)",
 "statustekst": "Uw aanvraag is ontvangen",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "zaaktypeIdentificatie": "ZT-C",
 "volgnummer": 1, "isEindstatus": true, "informeren": true,
 "doorlooptijd": "P5D", "toelichting": "De eerste status",
 "checklistitemStatustype": [
   {"itemnaam": "Compleet", "vraagstelling": "Is de aanvraag compleet?",
    "verplicht": true, "toelichting": "Alle bijlagen"},
   {"itemnaam": "Betaald", "vraagstelling": "Zijn de leges betaald?",
    "verplicht": false, "toelichting": ""}],
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "eigenschappen": [], "zaakobjecttypen": [],
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": null,
 "beginObject": "2024-01-01", "eindeObject": null}
--- sql_check
SELECT omschrijving, volgnummer, informeren FROM catalogi.statustype
--- sql_check_out
Ontvangen|1|t



=== TEST 2: statustype: create with only the required fields: defaults, geldigheid of the zaaktype
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "Ontvangen", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"omschrijving": "Ontvangen", "omschrijvingGeneriek": "", "statustekst": "",
 "volgnummer": 1, "isEindstatus": true, "informeren": false,
 "doorlooptijd": null, "checklistitemStatustype": [],
 "eigenschappen": [], "zaakobjecttypen": [],
 "zaaktypeIdentificatie": "ZT-C",
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": null}



=== TEST 3: statustype: create below a zaaktype with an end: both dates of the zaaktype
# standaard catalogi "Datum beginGeldigheid en eindGeldigheid": the fields
# hold the derived values of the zaaktype
--- init
main::seed();
main::zt($main::U{zt_e}, 'ZT-E', begin => '2024-02-01', einde => '2024-12-31');
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "Ontvangen", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000005"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"zaaktypeIdentificatie": "ZT-E",
 "beginGeldigheid": "2024-02-01", "eindeGeldigheid": "2024-12-31",
 "beginObject": "2024-02-01", "eindeObject": "2024-12-31"}



=== TEST 4: statustype: the host of a zaaktype URL is not compared; rendered with the request's host
# ERROR-CODES 2.8: local hyperlink fields resolve the path only
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "Ontvangen", "volgnummer": 1,
 "zaaktype": "https://ztc.elders.example/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}



=== TEST 5: statustype: read-only fields in the body are ignored
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "Ontvangen", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "url": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001",
 "isEindstatus": false, "zaaktypeIdentificatie": "ANDERS",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000002",
 "eigenschappen": ["http://localhost/catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001"],
 "zaakobjecttypen": ["http://localhost/catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000009"],
 "beginObject": "1999-01-01", "eindeObject": "1999-12-31"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"url": "/statustypen\\/(?!bbbbbbbb-0001-4000-8000-000000000001)[0-9a-f-]{36}$/",
 "isEindstatus": true, "zaaktypeIdentificatie": "ZT-C",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "eigenschappen": [], "zaakobjecttypen": [],
 "beginObject": "2024-01-01", "eindeObject": null}
--- sql_check
SELECT count(*) FROM catalogi.eigenschap WHERE statustype IS NOT NULL
--- sql_check_out
0



=== TEST 6: statustype: create without the required fields
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"statustekst": "tekst"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
omschrijving required Dit veld is verplicht.
volgnummer required Dit veld is verplicht.
zaaktype required Dit veld is verplicht.
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
0



=== TEST 7: statustype: volgnummer below 1, above 9999, not a number
# ERROR-CODES 2.8: statustype volgnummer 1..9999 (min_value/max_value)
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/statustypen\n"
       . qq({"omschrijving": "X", "volgnummer": $_, )
       . qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}) }
 '0', '10000', '"een"']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 3]
--- invalid_params eval
["volgnummer min_value Zorg ervoor dat deze waarde groter is dan of gelijk is aan 1.",
 "volgnummer max_value Zorg ervoor dat deze waarde kleiner is dan of gelijk is aan 9999.",
 "volgnummer invalid Een geldig getal is vereist."]



=== TEST 8: statustype: every field error is reported together
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/statustypen\n"
. qq({"omschrijving": ") . ('x' x 81) . qq(", "volgnummer": 1, )
. qq("doorlooptijd": "5 dagen", "informeren": "misschien", )
. qq("beginGeldigheid": "1-1-2024", )
. qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
omschrijving max_length Dit veld mag niet meer dan 80 karakters bevatten.
doorlooptijd invalid Tijdsduur heeft een verkeerd formaat, gebruik 1 van onderstaande formaten: P(n)Y(n)M(n)D.
informeren invalid Must be a valid boolean.
beginGeldigheid invalid Date heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD.



=== TEST 9: statustype: zaaktype that is not a zaaktype URL, does not exist, or is another resource
# ERROR-CODES 2.8: no_match, does_not_exist, incorrect_match
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/statustypen\n"
       . qq({"omschrijving": "X", "volgnummer": 1, "zaaktype": "$_"}) }
 'zaaktype-een',
 'http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000099',
 'http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 3]
--- invalid_params eval
["zaaktype no_match Ongeldige hyperlink - Geen overeenkomende URL.",
 "zaaktype does_not_exist Ongeldige hyperlink - Object bestaat niet.",
 "zaaktype incorrect_match Ongeldige hyperlink - Ongeldige URL"]



=== TEST 10: statustype: zaaktype null or empty
# ERROR-CODES 2.8: "" on a hyperlink field becomes null first
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/statustypen\n"
 . '{"omschrijving": "X", "volgnummer": 1, "zaaktype": null}',
 "POST /catalogi/api/v1/statustypen\n"
 . '{"omschrijving": "X", "volgnummer": 1, "zaaktype": ""}']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
zaaktype null Dit veld mag niet leeg zijn.



=== TEST 11: statustype: checklistitemStatustype items are validated with their index
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/statustypen\n"
. qq({"omschrijving": "X", "volgnummer": 1, )
. qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001", )
. qq("checklistitemStatustype": [{"verplicht": true}, )
. qq({"itemnaam": ") . ('n' x 31) . qq(", "vraagstelling": "Vraag?"}]})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
checklistitemStatustype.0.itemnaam required Dit veld is verplicht.
checklistitemStatustype.0.vraagstelling required Dit veld is verplicht.
checklistitemStatustype.1.itemnaam max_length Dit veld mag niet meer dan 30 karakters bevatten.



=== TEST 12: statustype: checklistitemStatustype that is not a list
# ERROR-CODES 2.8: a many=True nested serializer given a non-list
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "X", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "checklistitemStatustype": {"itemnaam": "a", "vraagstelling": "b"}}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
checklistitemStatustype.nonFieldErrors not_a_list



=== TEST 13: statustype: eindeGeldigheid before beginGeldigheid is date-mismatch
# ERROR-CODES 2.3 date-mismatch
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "X", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": "2023-12-31"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors date-mismatch begin_geldigheid moet vóór einde_geldigheid zijn.
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
0



=== TEST 14: statustype: a beginGeldigheid that differs from the zaaktype's is refused
# standaard catalogi "Datum beginGeldigheid en eindGeldigheid": a given
# beginGeldigheid is validated against the beginGeldigheid and versiedatum
# of the zaaktype; they MUST match (no error code is prescribed)
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "X", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "beginGeldigheid": "2030-06-01"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset
{"code": "invalid", "status": 400}
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
0



=== TEST 15: statustype: a beginGeldigheid equal to the zaaktype's is accepted
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "X", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": "2024-06-30"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"beginGeldigheid": "2024-01-01", "eindeGeldigheid": "2024-06-30"}



=== TEST 16: statustype: volgnummer is unique per zaaktype
# ZGW-INVENTORY 4.3 C9; ERROR-CODES 2.1 unique
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "Nog een", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors unique
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
1



=== TEST 17: statustype: the same volgnummer below another zaaktype is fine
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "Nog een", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000004"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"volgnummer": 1, "zaaktypeIdentificatie": "ZT-C2", "isEindstatus": true}



=== TEST 18: statustype: isEindstatus only for the highest volgnummer of the zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_c}, 2);
main::st('bbbbbbbb-0001-4000-8000-000000000003', $main::U{zt_c}, 10);
main::st('bbbbbbbb-0001-4000-8000-000000000004', $main::U{zt_c2}, 3);
--- request
GET /catalogi/api/v1/statustypen?status=alles&zaaktype=http%3A%2F%2Flocalhost%2Fcatalogi%2Fapi%2Fv1%2Fzaaktypen%2Faaaaaaaa-1111-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- results_by_uuid
{"bbbbbbbb-0001-4000-8000-000000000001": {"volgnummer": 1, "isEindstatus": false},
 "bbbbbbbb-0001-4000-8000-000000000002": {"volgnummer": 2, "isEindstatus": false},
 "bbbbbbbb-0001-4000-8000-000000000003": {"volgnummer": 10, "isEindstatus": true}}



=== TEST 19: statustype: read, with the eigenschappen and zaakobjecttypen that need it
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1, 'Ontvangen');
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_c}, 2, 'Afgehandeld');
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur',
          'bbbbbbbb-0001-4000-8000-000000000001');
main::eig('bbbbbbbb-0003-4000-8000-000000000002', $main::U{zt_c}, 'Maat');
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_c}, 'Het pand',
          'bbbbbbbb-0001-4000-8000-000000000001');
main::zot('bbbbbbbb-0004-4000-8000-000000000002', $main::U{zt_c}, 'Het adres',
          'bbbbbbbb-0001-4000-8000-000000000002');
--- request
GET /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- response_headers
Content-Type: application/json
--- json_subset
{"url": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001",
 "omschrijving": "Ontvangen", "omschrijvingGeneriek": "", "statustekst": "",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "zaaktypeIdentificatie": "ZT-C", "volgnummer": 1, "isEindstatus": false,
 "informeren": false, "doorlooptijd": null, "checklistitemStatustype": [],
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "eigenschappen": ["http://localhost/catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001"],
 "zaakobjecttypen": ["http://localhost/catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001"],
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": null,
 "beginObject": "2024-01-01", "eindeObject": null}



=== TEST 20: statustype: beginObject and eindeObject span the versions of the zaaktype
# ZGW-INVENTORY 2.6: earliest begin / latest end over all versions;
# standaard catalogi: beginObject and eindObject are the birth and death
# of the object
--- init
main::seed();
main::versions();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_v1}, 1, 'Ontvangen');
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_v2}, 1, 'Ontvangen');
--- request
GET /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset
{"beginGeldigheid": "2020-01-01", "eindeGeldigheid": "2021-12-31",
 "beginObject": "2020-01-01", "eindeObject": null}



=== TEST 21: statustype: read an unknown and a malformed uuid is 404
--- init
main::seed();
--- request eval
["GET /catalogi/api/v1/statustypen/bbbbbbbb-0009-4000-8000-000000000009",
 "GET /catalogi/api/v1/statustypen/geen-uuid"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(404) x 2]
--- response_headers eval
[(<<'_OZ_EACH_') x 2]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "not_found", "status": 404, "title": "Niet gevonden.",
 "detail": "Niet gevonden."}
--- json_absent
invalidParams



=== TEST 22: statustype: unknown query parameters on list and read
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
--- request eval
["GET /catalogi/api/v1/statustypen?omschrijving=Ontvangen",
 "GET /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001?omschrijving=Ontvangen"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
nonFieldErrors unknown-parameters Onbekende query parameters: omschrijving



=== TEST 23: statustype: the list shows the types of published zaaktypen by default
# ZGW-INVENTORY 4.3 C1, C7: sub-types inherit concept; lists default to
# concept=false
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_p}, 1);
--- request
GET /catalogi/api/v1/statustypen
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset
{"next": null, "previous": null}
--- results_by_uuid
{"bbbbbbbb-0001-4000-8000-000000000002": {"zaaktypeIdentificatie": "ZT-P"}}



=== TEST 24: statustype: list filter status (concept, definitief, alles)
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_p}, 1);
--- request eval
["GET /catalogi/api/v1/statustypen?status=concept",
 "GET /catalogi/api/v1/statustypen?status=definitief",
 "GET /catalogi/api/v1/statustypen?status=alles"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 3]
--- results_by_uuid
[{"bbbbbbbb-0001-4000-8000-000000000001": {}},
 {"bbbbbbbb-0001-4000-8000-000000000002": {}},
 {"bbbbbbbb-0001-4000-8000-000000000001": {}, "bbbbbbbb-0001-4000-8000-000000000002": {}}]



=== TEST 25: statustype: list filter zaaktype (a URL)
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_c2}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000003', $main::U{zt_p}, 1);
--- request eval
["GET /catalogi/api/v1/statustypen?status=alles&zaaktype=http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000004",
 "GET /catalogi/api/v1/statustypen?zaaktype=http%3A%2F%2Flocalhost%2Fcatalogi%2Fapi%2Fv1%2Fzaaktypen%2Faaaaaaaa-1111-4000-8000-000000000002"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 2]
--- results_by_uuid
[{"bbbbbbbb-0001-4000-8000-000000000002": {"zaaktypeIdentificatie": "ZT-C2"}},
 {"bbbbbbbb-0001-4000-8000-000000000003": {"zaaktypeIdentificatie": "ZT-P"}}]



=== TEST 26: statustype: list filter zaaktypeIdentificatie takes every version
--- init
main::seed();
main::versions();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_v1}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_v2}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000003', $main::U{zt_w}, 1);
--- request
GET /catalogi/api/v1/statustypen?zaaktypeIdentificatie=ZT-V
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- results_by_uuid
{"bbbbbbbb-0001-4000-8000-000000000001": {"zaaktypeIdentificatie": "ZT-V"},
 "bbbbbbbb-0001-4000-8000-000000000002": {"zaaktypeIdentificatie": "ZT-V"}}



=== TEST 27: statustype: list filter datumGeldigheid (begin <= D <= einde, open end)
# ZGW-INVENTORY 4.3 C7; standaard: valid "tot en met" eindGeldigheid
--- init
main::seed();
main::versions();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_v1}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_v2}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000003', $main::U{zt_w}, 1);
--- request eval
["GET /catalogi/api/v1/statustypen?datumGeldigheid=2021-12-31",
 "GET /catalogi/api/v1/statustypen?datumGeldigheid=2022-01-01",
 "GET /catalogi/api/v1/statustypen?datumGeldigheid=2019-12-31"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 3]
--- results_by_uuid
[{"bbbbbbbb-0001-4000-8000-000000000001": {}, "bbbbbbbb-0001-4000-8000-000000000003": {}},
 {"bbbbbbbb-0001-4000-8000-000000000002": {}, "bbbbbbbb-0001-4000-8000-000000000003": {}},
 {}]



=== TEST 28: statustype: invalid filter values are reported together
# ERROR-CODES 2.8 (query filters), 4.2 point 8
--- init
main::seed();
--- request
GET /catalogi/api/v1/statustypen?status=sommige&datumGeldigheid=gisteren&zaaktype=zaaktype-een
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- invalid_params
status invalid_choice
datumGeldigheid invalid
zaaktype invalid



=== TEST 29: statustype: PUT replaces every field, the checklist too
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1, 'Oud');
OZ::Test::oz_psql(q{UPDATE catalogi.statustype SET
    checklistitem_statustype = '[{"itemnaam": "Oud", "vraagstelling": "Oud?",
    "verplicht": false, "toelichting": ""}]'});
--- request
PUT /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
{"omschrijving": "Nieuw", "volgnummer": 3,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "checklistitemStatustype": [{"itemnaam": "Nieuw", "vraagstelling": "Nieuw?"}]}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset
{"url": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001",
 "omschrijving": "Nieuw", "volgnummer": 3,
 "checklistitemStatustype": [{"itemnaam": "Nieuw", "vraagstelling": "Nieuw?",
                              "verplicht": false}]}
--- sql_check
SELECT omschrijving, volgnummer, checklistitem_statustype->0->>'itemnaam'
  FROM catalogi.statustype
--- sql_check_out
Nieuw|3|Nieuw



=== TEST 30: statustype: PUT without the required fields
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
--- request
PUT /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
{"statustekst": "alleen dit"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
omschrijving required
volgnummer required
zaaktype required



=== TEST 31: statustype: PATCH one field; isEindstatus follows the new volgnummer
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1, 'Ontvangen');
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_c}, 2, 'Afgehandeld');
--- request
PATCH /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
{"volgnummer": 5}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset
{"omschrijving": "Ontvangen", "volgnummer": 5, "isEindstatus": true}
--- sql_check
SELECT string_agg(omschrijving || ':' || volgnummer, ',' ORDER BY volgnummer)
  FROM catalogi.statustype
--- sql_check_out
Afgehandeld:2,Ontvangen:5



=== TEST 32: statustype: PATCH to a volgnummer that is taken
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_c}, 2);
--- request
PATCH /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000002
{"volgnummer": 1}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors unique
--- sql_check
SELECT volgnummer FROM catalogi.statustype
 WHERE uuid = 'bbbbbbbb-0001-4000-8000-000000000002'
--- sql_check_out
2



=== TEST 33: statustype: DELETE below a concept zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
--- request
DELETE /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- response_body chomp
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
0



=== TEST 34: statustype ztc-010: no create below a published zaaktype
# RULES-CHECKLIST 151 [ztc-010]; ERROR-CODES 2.3 non-concept-zaaktype
--- init
main::seed();
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "X", "volgnummer": 1,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
0



=== TEST 35: statustype ztc-010: a correctie (catalogi.geforceerd-schrijven) may create one
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1);
--- request
POST /catalogi/api/v1/statustypen
{"omschrijving": "Extra eindstatus", "volgnummer": 2,
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}
--- more_headers eval
main::hdr_json('forceer')
--- error_code: 201
--- json_subset
{"volgnummer": 2, "isEindstatus": true, "zaaktypeIdentificatie": "ZT-P",
 "beginGeldigheid": "2023-01-01"}
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
2



=== TEST 36: statustype ztc-010: no PUT or PATCH below a published zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1, 'Oud');
--- request eval
["PUT /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001\n"
 . '{"omschrijving": "Nieuw", "volgnummer": 1, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PATCH /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001\n"
 . '{"omschrijving": "Nieuw"}']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT omschrijving FROM catalogi.statustype
--- sql_check_out
Oud



=== TEST 37: statustype ztc-010: a correctie may PATCH and PUT below a published zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1, 'Oud');
--- request eval
["PATCH /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001\n"
 . '{"statustekst": "Verbeterd"}',
 "PUT /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001\n"
 . '{"omschrijving": "Nieuw", "statustekst": "Verbeterd", "volgnummer": 1, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}']
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(200) x 2]
--- json_subset
{"statustekst": "Verbeterd", "zaaktypeIdentificatie": "ZT-P"}
--- sql_check eval
["SELECT omschrijving || '|' || statustekst FROM catalogi.statustype",
 "SELECT omschrijving || '|' || statustekst FROM catalogi.statustype"]
--- sql_check_out eval
["Oud|Verbeterd", "Nieuw|Verbeterd"]



=== TEST 38: statustype ztc-010: not moved to, nor away from, a published zaaktype
# ERROR-CODES 2.3: the current or the new zaaktype is published
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_p}, 1);
--- request eval
["PATCH /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001\n"
 . '{"volgnummer": 7, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PATCH /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000002\n"
 . '{"volgnummer": 7, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT string_agg(zaaktype || ':' || volgnummer, ',' ORDER BY uuid)
  FROM catalogi.statustype
--- sql_check_out
aaaaaaaa-1111-4000-8000-000000000001:1,aaaaaaaa-1111-4000-8000-000000000002:1



=== TEST 39: statustype ztc-010: no DELETE below a published zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1);
--- request
DELETE /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
1



=== TEST 40: statustype ztc-010: catalogi.geforceerd-schrijven does not allow a DELETE
# ZGW-INVENTORY 3.3: deleting needs catalogi.geforceerd-verwijderen
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1);
--- request
DELETE /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
--- more_headers eval
main::hdr('forceer')
--- error_code: 400
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
1



=== TEST 41: statustype ztc-010: catalogi.geforceerd-verwijderen may DELETE below a published zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1);
--- request
DELETE /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
--- more_headers eval
main::hdr('verwijder')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.statustype
--- sql_check_out
0



=== TEST 42: roltype: create
--- init
main::seed();
--- request
POST /catalogi/api/v1/roltypen
{"zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "omschrijving": "Mede-aanvrager", "omschrijvingGeneriek": "mede_initiator"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- response_headers_like
Location: http://localhost/catalogi/api/v1/roltypen/[0-9a-f-]{36}
--- json_subset
{"url": "/^http:\\/\\/localhost\\/catalogi\\/api\\/v1\\/roltypen\\/[0-9a-f-]{36}$/",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "zaaktypeIdentificatie": "ZT-C",
 "omschrijving": "Mede-aanvrager", "omschrijvingGeneriek": "mede_initiator",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": null,
 "beginObject": "2024-01-01", "eindeObject": null}
--- sql_check
SELECT omschrijving, omschrijving_generiek FROM catalogi.roltype
--- sql_check_out
Mede-aanvrager|mede_initiator



=== TEST 43: roltype: create without the required fields
--- init
main::seed();
--- request
POST /catalogi/api/v1/roltypen
{}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
zaaktype required Dit veld is verplicht.
omschrijving required Dit veld is verplicht.
omschrijvingGeneriek required Dit veld is verplicht.



=== TEST 44: roltype: omschrijvingGeneriek outside the enum, omschrijving too long, empty omschrijving
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/roltypen\n"
 . qq({"zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001", )
 . qq("omschrijving": ") . ('r' x 101) . qq(", "omschrijvingGeneriek": "aanvrager"}),
 "POST /catalogi/api/v1/roltypen\n"
 . qq({"zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001", )
 . qq("omschrijving": "", "omschrijvingGeneriek": ""})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["omschrijving max_length Dit veld mag niet meer dan 100 karakters bevatten.
  omschrijvingGeneriek invalid_choice \"aanvrager\" is een ongeldige keuze.",
 "omschrijving blank Dit veld mag niet leeg zijn.
  omschrijvingGeneriek invalid_choice \"\" is een ongeldige keuze."]



=== TEST 45: roltype: omschrijving is unique per zaaktype
# ZGW-INVENTORY 4.3 C9: roltype (zaaktype, omschrijving)
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_c}, 'Behandelaar');
--- request
POST /catalogi/api/v1/roltypen
{"zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "omschrijving": "Behandelaar", "omschrijvingGeneriek": "adviseur"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors unique
--- sql_check
SELECT count(*) FROM catalogi.roltype
--- sql_check_out
1



=== TEST 46: roltype: read
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_p}, 'Behandelaar', 'behandelaar');
--- request
GET /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset
{"url": "http://localhost/catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002",
 "zaaktypeIdentificatie": "ZT-P",
 "omschrijving": "Behandelaar", "omschrijvingGeneriek": "behandelaar",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "beginGeldigheid": "2023-01-01", "eindeGeldigheid": null,
 "beginObject": "2023-01-01", "eindeObject": null}



=== TEST 47: roltype: beginObject and eindeObject span the versions of the zaaktype
--- init
main::seed();
main::versions();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_v1}, 'Behandelaar');
main::rt('bbbbbbbb-0002-4000-8000-000000000002', $main::U{zt_v2}, 'Behandelaar');
--- request
GET /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000002
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset
{"beginGeldigheid": "2022-01-01", "eindeGeldigheid": null,
 "beginObject": "2020-01-01", "eindeObject": null}



=== TEST 48: roltype: read an unknown and a malformed uuid is 404
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_c}, 'Behandelaar');
--- request eval
["GET /catalogi/api/v1/roltypen/bbbbbbbb-0009-4000-8000-000000000009",
 "GET /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-00000000000"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(404) x 2]
--- response_headers eval
[(<<'_OZ_EACH_') x 2]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "not_found", "status": 404}



=== TEST 49: roltype: the list shows the types of published zaaktypen by default; status filter
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_c}, 'Behandelaar');
main::rt('bbbbbbbb-0002-4000-8000-000000000002', $main::U{zt_p}, 'Behandelaar');
--- request eval
["GET /catalogi/api/v1/roltypen",
 "GET /catalogi/api/v1/roltypen?status=concept",
 "GET /catalogi/api/v1/roltypen?status=alles"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 3]
--- results_by_uuid
[{"bbbbbbbb-0002-4000-8000-000000000002": {"zaaktypeIdentificatie": "ZT-P"}},
 {"bbbbbbbb-0002-4000-8000-000000000001": {"zaaktypeIdentificatie": "ZT-C"}},
 {"bbbbbbbb-0002-4000-8000-000000000001": {}, "bbbbbbbb-0002-4000-8000-000000000002": {}}]



=== TEST 50: roltype: list filter omschrijving matches part of it, case-insensitively
# OAS roltype_list: omschrijving "(een deel van de) omschrijving (hoofdletterongevoelig)"
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_p}, 'Behandelaar');
main::rt('bbbbbbbb-0002-4000-8000-000000000002', $main::U{zt_p}, 'Externe BEHANDELAAR');
main::rt('bbbbbbbb-0002-4000-8000-000000000003', $main::U{zt_p}, 'Initiator');
--- request
GET /catalogi/api/v1/roltypen?omschrijving=handel
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- results_by_uuid
{"bbbbbbbb-0002-4000-8000-000000000001": {"omschrijving": "Behandelaar"},
 "bbbbbbbb-0002-4000-8000-000000000002": {"omschrijving": "Externe BEHANDELAAR"}}



=== TEST 51: roltype: list filter omschrijvingGeneriek
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_p}, 'Behandelaar', 'behandelaar');
main::rt('bbbbbbbb-0002-4000-8000-000000000002', $main::U{zt_p}, 'Aanvrager', 'initiator');
main::rt('bbbbbbbb-0002-4000-8000-000000000003', $main::U{zt_c}, 'Aanvrager', 'initiator');
--- request eval
["GET /catalogi/api/v1/roltypen?omschrijvingGeneriek=initiator",
 "GET /catalogi/api/v1/roltypen?omschrijvingGeneriek=initiator&status=alles",
 "GET /catalogi/api/v1/roltypen?omschrijvingGeneriek=zaakcoordinator"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 3]
--- results_by_uuid
[{"bbbbbbbb-0002-4000-8000-000000000002": {}},
 {"bbbbbbbb-0002-4000-8000-000000000002": {}, "bbbbbbbb-0002-4000-8000-000000000003": {}},
 {}]



=== TEST 52: roltype: list filters zaaktype, zaaktypeIdentificatie and datumGeldigheid
--- init
main::seed();
main::versions();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_v1}, 'Behandelaar');
main::rt('bbbbbbbb-0002-4000-8000-000000000002', $main::U{zt_v2}, 'Behandelaar');
main::rt('bbbbbbbb-0002-4000-8000-000000000003', $main::U{zt_w}, 'Behandelaar');
--- request eval
["GET /catalogi/api/v1/roltypen?zaaktype=http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000022",
 "GET /catalogi/api/v1/roltypen?zaaktypeIdentificatie=ZT-V",
 "GET /catalogi/api/v1/roltypen?datumGeldigheid=2021-06-15",
 "GET /catalogi/api/v1/roltypen?zaaktypeIdentificatie=ZT-V&datumGeldigheid=2023-03-01"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 4]
--- results_by_uuid
[{"bbbbbbbb-0002-4000-8000-000000000002": {}},
 {"bbbbbbbb-0002-4000-8000-000000000001": {}, "bbbbbbbb-0002-4000-8000-000000000002": {}},
 {"bbbbbbbb-0002-4000-8000-000000000001": {}, "bbbbbbbb-0002-4000-8000-000000000003": {}},
 {"bbbbbbbb-0002-4000-8000-000000000002": {}}]



=== TEST 53: roltype: invalid filter values; unknown parameter
--- init
main::seed();
--- request eval
["GET /catalogi/api/v1/roltypen?omschrijvingGeneriek=aanvrager&status=sommige",
 "GET /catalogi/api/v1/roltypen?naam=x"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["omschrijvingGeneriek invalid_choice
  status invalid_choice",
 "nonFieldErrors unknown-parameters Onbekende query parameters: naam"]



=== TEST 54: roltype: PUT and PATCH below a concept zaaktype
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_c}, 'Behandelaar');
--- request eval
["PATCH /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001\n"
 . '{"omschrijvingGeneriek": "beslisser"}',
 "PUT /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001\n"
 . '{"omschrijving": "Beslisser", "omschrijvingGeneriek": "beslisser", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000004"}']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(200) x 2]
--- json_subset
{"url": "http://localhost/catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001",
 "omschrijvingGeneriek": "beslisser"}
--- sql_check eval
["SELECT omschrijving || '|' || omschrijving_generiek || '|' || zaaktype FROM catalogi.roltype",
 "SELECT omschrijving || '|' || omschrijving_generiek || '|' || zaaktype FROM catalogi.roltype"]
--- sql_check_out eval
["Behandelaar|beslisser|aaaaaaaa-1111-4000-8000-000000000001",
 "Beslisser|beslisser|aaaaaaaa-1111-4000-8000-000000000004"]



=== TEST 55: roltype: PATCH with an invalid omschrijvingGeneriek changes nothing
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_c}, 'Behandelaar');
--- request
PATCH /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001
{"omschrijving": "Anders", "omschrijvingGeneriek": "baas"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
omschrijvingGeneriek invalid_choice "baas" is een ongeldige keuze.
--- sql_check
SELECT omschrijving FROM catalogi.roltype
--- sql_check_out
Behandelaar



=== TEST 56: roltype: DELETE below a concept zaaktype
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_c}, 'Behandelaar');
--- request
DELETE /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.roltype
--- sql_check_out
0



=== TEST 57: roltype ztc-010: no create, PUT or PATCH below a published zaaktype
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_p}, 'Behandelaar');
--- request eval
["POST /catalogi/api/v1/roltypen\n"
 . '{"omschrijving": "Adviseur", "omschrijvingGeneriek": "adviseur", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PUT /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001\n"
 . '{"omschrijving": "Adviseur", "omschrijvingGeneriek": "adviseur", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PATCH /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001\n"
 . '{"omschrijving": "Adviseur"}']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 3]
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT string_agg(omschrijving, ',') FROM catalogi.roltype
--- sql_check_out
Behandelaar



=== TEST 58: roltype ztc-010: a correctie may create and PATCH below a published zaaktype
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_p}, 'Behandelaar');
--- request eval
["POST /catalogi/api/v1/roltypen\n"
 . '{"omschrijving": "Adviseur", "omschrijvingGeneriek": "adviseur", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PATCH /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001\n"
 . '{"omschrijvingGeneriek": "adviseur"}']
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[201, 200]
--- json_subset
{"omschrijvingGeneriek": "adviseur", "zaaktypeIdentificatie": "ZT-P"}
--- sql_check
SELECT count(*) FROM catalogi.roltype WHERE omschrijving_generiek = 'adviseur'
--- sql_check_out eval
["1", "2"]



=== TEST 59: roltype ztc-010: DELETE below a published zaaktype only with catalogi.geforceerd-verwijderen
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_p}, 'Behandelaar');
--- request
DELETE /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT count(*) FROM catalogi.roltype
--- sql_check_out
1



=== TEST 60: roltype ztc-010: catalogi.geforceerd-verwijderen DELETEs below a published zaaktype
--- init
main::seed();
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_p}, 'Behandelaar');
--- request
DELETE /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001
--- more_headers eval
main::hdr('verwijder')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.roltype
--- sql_check_out
0



=== TEST 61: eigenschap: create with every field
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
--- request
POST /catalogi/api/v1/eigenschappen
{"naam": "Aanvraagdatum", "definitie": "De datum van de aanvraag",
 "specificatie": {"groep": "Aanvraag gegevens", "formaat": "datum",
                  "lengte": "8", "kardinaliteit": "1",
                  "waardenverzameling": ["20240101", "20241231"]},
 "toelichting": "Zoals op het formulier",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- response_headers_like
Location: http://localhost/catalogi/api/v1/eigenschappen/[0-9a-f-]{36}
--- json_subset
{"url": "/^http:\\/\\/localhost\\/catalogi\\/api\\/v1\\/eigenschappen\\/[0-9a-f-]{36}$/",
 "naam": "Aanvraagdatum", "definitie": "De datum van de aanvraag",
 "specificatie": {"groep": "Aanvraag gegevens", "formaat": "datum",
                  "lengte": "8", "kardinaliteit": "1",
                  "waardenverzameling": ["20240101", "20241231"]},
 "toelichting": "Zoals op het formulier",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "zaaktypeIdentificatie": "ZT-C",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001",
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": null,
 "beginObject": "2024-01-01", "eindeObject": null}
--- sql_check
SELECT naam, statustype FROM catalogi.eigenschap
--- sql_check_out
Aanvraagdatum|bbbbbbbb-0001-4000-8000-000000000001



=== TEST 62: eigenschap: create with the required fields only
--- init
main::seed();
--- request
POST /catalogi/api/v1/eigenschappen
{"naam": "Kleur", "definitie": "De kleur",
 "specificatie": {"formaat": "tekst", "lengte": "20", "kardinaliteit": "N"},
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"naam": "Kleur", "toelichting": "", "statustype": null,
 "specificatie": {"groep": "", "formaat": "tekst", "lengte": "20",
                  "kardinaliteit": "N", "waardenverzameling": []}}



=== TEST 63: eigenschap ztc-015: formaat datum has lengte 8, datum_tijd lengte 14
# RULES-CHECKLIST 162 [ztc-015]
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/eigenschappen\n"
       . qq({"naam": "E$_->[0]$_->[1]", "definitie": "d", )
       . qq("specificatie": {"formaat": "$_->[0]", "lengte": "$_->[1]", "kardinaliteit": "1"}, )
       . qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}) }
 ['datum', '8'], ['datum_tijd', '14'], ['getal', '8,2'], ['getal', '5']]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(201) x 4]
--- json_subset
{"specificatie": {"lengte": "/^(8|14|8,2|5)$/"}}
--- sql_check
SELECT count(*) FROM catalogi.eigenschap
--- sql_check_out eval
["1", "2", "3", "4"]



=== TEST 64: eigenschap ztc-015: formaat datum with another lengte than 8
# ERROR-CODES 2.3: specificatie.nonFieldErrors invalid
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/eigenschappen\n"
       . qq({"naam": "Datum", "definitie": "d", )
       . qq("specificatie": {"formaat": "datum", "lengte": "$_", "kardinaliteit": "1"}, )
       . qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}) }
 '10', '14']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
specificatie.nonFieldErrors invalid
--- sql_check
SELECT count(*) FROM catalogi.eigenschap
--- sql_check_out
0



=== TEST 65: eigenschap ztc-015: formaat datum_tijd with another lengte than 14
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/eigenschappen\n"
       . qq({"naam": "Tijdstip", "definitie": "d", )
       . qq("specificatie": {"formaat": "datum_tijd", "lengte": "$_", "kardinaliteit": "1"}, )
       . qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}) }
 '8', '19']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
specificatie.nonFieldErrors invalid



=== TEST 66: eigenschap: lengte must fit formaat tekst (1..255, a number) and getal
# ERROR-CODES 2.3: tekst 0-255, getal n,m, "Voer een getal in als lengte"
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/eigenschappen\n"
       . qq({"naam": "E", "definitie": "d", )
       . qq("specificatie": {"formaat": "$_->[0]", "lengte": "$_->[1]", "kardinaliteit": "1"}, )
       . qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}) }
 ['tekst', '256'], ['tekst', 'tien'], ['getal', 'acht']]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 3]
--- invalid_params
specificatie.nonFieldErrors invalid



=== TEST 67: eigenschap: field errors inside specificatie
# ERROR-CODES 2.3 (kardinaliteit, groep), 2.8 (invalid_choice, max_length);
# 4.2: every validator of a field runs, errors accumulate
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/eigenschappen\n"
. qq({"naam": "E", "definitie": "d", )
. qq("specificatie": {"groep": "Groep-met!tekens", "formaat": "kleur", )
. qq("lengte": "123456789012345", "kardinaliteit": "veel"}, )
. qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
specificatie.groep invalid
specificatie.formaat invalid_choice "kleur" is een ongeldige keuze.
specificatie.lengte max_length Dit veld mag niet meer dan 14 karakters bevatten.
specificatie.kardinaliteit invalid
specificatie.kardinaliteit max_length Dit veld mag niet meer dan 3 karakters bevatten.



=== TEST 68: eigenschap: kardinaliteit is a positive number or N
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/eigenschappen\n"
       . qq({"naam": "E", "definitie": "d", )
       . qq("specificatie": {"formaat": "tekst", "lengte": "5", "kardinaliteit": "$_"}, )
       . qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}) }
 'x', '-1', 'n2']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 3]
--- invalid_params
specificatie.kardinaliteit invalid



=== TEST 69: eigenschap: create without the required fields, also inside specificatie
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/eigenschappen\n{}",
 "POST /catalogi/api/v1/eigenschappen\n"
 . '{"naam": "E", "definitie": "d", "specificatie": {"groep": "g"}, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["naam required Dit veld is verplicht.
  definitie required Dit veld is verplicht.
  specificatie required Dit veld is verplicht.
  zaaktype required Dit veld is verplicht.",
 "specificatie.formaat required Dit veld is verplicht.
  specificatie.lengte required Dit veld is verplicht.
  specificatie.kardinaliteit required Dit veld is verplicht."]



=== TEST 70: eigenschap: naam too long, specificatie not an object
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/eigenschappen\n"
. qq({"naam": ") . ('n' x 21) . qq(", "definitie": "d", "specificatie": "tekst", )
. qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
naam max_length Dit veld mag niet meer dan 20 karakters bevatten.
specificatie.nonFieldErrors invalid



=== TEST 71: eigenschap: naam is unique per zaaktype
# ERROR-CODES 2.1 unique (eigenschap: zaaktype, naam)
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
--- request
POST /catalogi/api/v1/eigenschappen
{"naam": "Kleur", "definitie": "nog een",
 "specificatie": {"formaat": "tekst", "lengte": "5", "kardinaliteit": "1"},
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors unique De velden zaaktype, naam moeten een unieke set zijn.
--- sql_check
SELECT count(*) FROM catalogi.eigenschap
--- sql_check_out
1



=== TEST 72: eigenschap: the statustype must belong to the same zaaktype
# ERROR-CODES 2.3 relations-incorrect-zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_c2}, 1);
--- request
POST /catalogi/api/v1/eigenschappen
{"naam": "Kleur", "definitie": "d",
 "specificatie": {"formaat": "tekst", "lengte": "5", "kardinaliteit": "1"},
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000002"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors relations-incorrect-zaaktype
--- sql_check
SELECT count(*) FROM catalogi.eigenschap
--- sql_check_out
0



=== TEST 73: eigenschap: a statustype that does not exist
--- init
main::seed();
--- request
POST /catalogi/api/v1/eigenschappen
{"naam": "Kleur", "definitie": "d",
 "specificatie": {"formaat": "tekst", "lengte": "5", "kardinaliteit": "1"},
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0009-4000-8000-000000000009"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
statustype does_not_exist Ongeldige hyperlink - Object bestaat niet.



=== TEST 74: eigenschap: read
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1);
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_p}, 'Kleur',
          'bbbbbbbb-0001-4000-8000-000000000001');
--- request
GET /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset
{"url": "http://localhost/catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001",
 "naam": "Kleur", "definitie": "definitie",
 "specificatie": {"groep": "", "formaat": "tekst", "lengte": "10",
                  "kardinaliteit": "1", "waardenverzameling": []},
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002",
 "zaaktypeIdentificatie": "ZT-P",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001",
 "beginGeldigheid": "2023-01-01", "eindeGeldigheid": null,
 "beginObject": "2023-01-01", "eindeObject": null}



=== TEST 75: eigenschap: read an unknown and a malformed uuid is 404
--- init
main::seed();
--- request eval
["GET /catalogi/api/v1/eigenschappen/bbbbbbbb-0009-4000-8000-000000000009",
 "GET /catalogi/api/v1/eigenschappen/12345"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(404) x 2]
--- json_subset
{"code": "not_found", "status": 404}



=== TEST 76: eigenschap: list default and status filter
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
main::eig('bbbbbbbb-0003-4000-8000-000000000002', $main::U{zt_p}, 'Kleur');
--- request eval
["GET /catalogi/api/v1/eigenschappen",
 "GET /catalogi/api/v1/eigenschappen?status=concept",
 "GET /catalogi/api/v1/eigenschappen?status=alles"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 3]
--- results_by_uuid
[{"bbbbbbbb-0003-4000-8000-000000000002": {"zaaktypeIdentificatie": "ZT-P"}},
 {"bbbbbbbb-0003-4000-8000-000000000001": {"zaaktypeIdentificatie": "ZT-C"}},
 {"bbbbbbbb-0003-4000-8000-000000000001": {}, "bbbbbbbb-0003-4000-8000-000000000002": {}}]



=== TEST 77: eigenschap: list filters zaaktype, zaaktypeIdentificatie and datumGeldigheid
--- init
main::seed();
main::versions();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_v1}, 'Kleur');
main::eig('bbbbbbbb-0003-4000-8000-000000000002', $main::U{zt_v2}, 'Kleur');
main::eig('bbbbbbbb-0003-4000-8000-000000000003', $main::U{zt_w}, 'Kleur');
--- request eval
["GET /catalogi/api/v1/eigenschappen?zaaktype=http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000023",
 "GET /catalogi/api/v1/eigenschappen?zaaktypeIdentificatie=ZT-V",
 "GET /catalogi/api/v1/eigenschappen?datumGeldigheid=2022-01-01",
 "GET /catalogi/api/v1/eigenschappen?zaaktypeIdentificatie=ZT-V&datumGeldigheid=2020-01-01"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 4]
--- results_by_uuid
[{"bbbbbbbb-0003-4000-8000-000000000003": {}},
 {"bbbbbbbb-0003-4000-8000-000000000001": {}, "bbbbbbbb-0003-4000-8000-000000000002": {}},
 {"bbbbbbbb-0003-4000-8000-000000000002": {}, "bbbbbbbb-0003-4000-8000-000000000003": {}},
 {"bbbbbbbb-0003-4000-8000-000000000001": {}}]



=== TEST 78: eigenschap: unknown parameters on list and read; invalid filter values
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
--- request eval
["GET /catalogi/api/v1/eigenschappen?naam=Kleur",
 "GET /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001?status=alles",
 "GET /catalogi/api/v1/eigenschappen?zaaktype=12&datumGeldigheid=2024-13-01"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(400) x 3]
--- invalid_params eval
["nonFieldErrors unknown-parameters Onbekende query parameters: naam",
 "nonFieldErrors unknown-parameters Onbekende query parameters: status",
 "zaaktype invalid
  datumGeldigheid invalid"]



=== TEST 79: eigenschap: PUT replaces it; PATCH statustype to null
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
--- request eval
["PUT /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001\n"
 . '{"naam": "Datum", "definitie": "De datum", "specificatie": {"formaat": "datum", "lengte": "8", "kardinaliteit": "1"}, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001", "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001"}',
 "PATCH /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001\n"
 . '{"statustype": null}']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(200) x 2]
--- json_subset
{"naam": "Datum", "definitie": "De datum",
 "specificatie": {"formaat": "datum", "lengte": "8", "kardinaliteit": "1"}}
--- sql_check
SELECT naam || '|' || coalesce(statustype::text, 'null') FROM catalogi.eigenschap
--- sql_check_out eval
["Datum|bbbbbbbb-0001-4000-8000-000000000001", "Datum|null"]



=== TEST 80: eigenschap: PATCH statustype "" is null, as DRF takes "" for a relation
It was a 500 (found by the json fuzz target): "" on a relation that may
be null made validation fail without an error.
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur',
          'bbbbbbbb-0001-4000-8000-000000000001');
--- request eval
"PATCH /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001\n"
. '{"statustype": ""}'
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset
{"naam": "Kleur", "statustype": null}
--- sql_check
SELECT naam || '|' || coalesce(statustype::text, 'null') FROM catalogi.eigenschap
--- sql_check_out
Kleur|null



=== TEST 81: eigenschap: PATCH of specificatie needs the whole group
# ERROR-CODES 4.2 point 7: a gegevensgroep that is sent must be complete
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
--- request
PATCH /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001
{"specificatie": {"formaat": "getal"}}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
specificatie.lengte required
specificatie.kardinaliteit required
--- sql_check
SELECT specificatie->>'formaat' FROM catalogi.eigenschap
--- sql_check_out
tekst



=== TEST 82: eigenschap ztc-015: PATCH formaat datum with lengte 10
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
--- request
PATCH /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001
{"specificatie": {"formaat": "datum", "lengte": "10", "kardinaliteit": "1"}}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
specificatie.nonFieldErrors invalid



=== TEST 83: eigenschap: PATCH to a statustype of another zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_c2}, 1);
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
--- request
PATCH /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001
{"statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000002"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors relations-incorrect-zaaktype



=== TEST 84: eigenschap: DELETE below a concept zaaktype
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
--- request
DELETE /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.eigenschap
--- sql_check_out
0



=== TEST 85: eigenschap ztc-010: no create, PUT, PATCH or DELETE below a published zaaktype
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_p}, 'Kleur');
--- request eval
["POST /catalogi/api/v1/eigenschappen\n"
 . '{"naam": "Maat", "definitie": "d", "specificatie": {"formaat": "tekst", "lengte": "5", "kardinaliteit": "1"}, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PUT /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001\n"
 . '{"naam": "Maat", "definitie": "d", "specificatie": {"formaat": "tekst", "lengte": "5", "kardinaliteit": "1"}, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PATCH /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001\n"
 . '{"definitie": "anders"}',
 "DELETE /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001"]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 4]
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT string_agg(naam || ':' || definitie, ',') FROM catalogi.eigenschap
--- sql_check_out
Kleur:definitie



=== TEST 86: eigenschap ztc-010: a correctie may create and PATCH below a published zaaktype
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_p}, 'Kleur');
--- request eval
["POST /catalogi/api/v1/eigenschappen\n"
 . '{"naam": "Maat", "definitie": "d", "specificatie": {"formaat": "tekst", "lengte": "5", "kardinaliteit": "1"}, "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PATCH /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001\n"
 . '{"definitie": "verbeterd"}']
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[201, 200]
--- json_subset
{"zaaktypeIdentificatie": "ZT-P"}
--- sql_check
SELECT string_agg(naam || ':' || definitie, ',' ORDER BY naam) FROM catalogi.eigenschap
--- sql_check_out eval
["Kleur:definitie,Maat:d", "Kleur:verbeterd,Maat:d"]



=== TEST 87: eigenschap ztc-010: catalogi.geforceerd-verwijderen DELETEs below a published zaaktype
--- init
main::seed();
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_p}, 'Kleur');
--- request
DELETE /catalogi/api/v1/eigenschappen/bbbbbbbb-0003-4000-8000-000000000001
--- more_headers eval
main::hdr('verwijder')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.eigenschap
--- sql_check_out
0



=== TEST 88: zaakobjecttype: create with every field
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
--- request
POST /catalogi/api/v1/zaakobjecttypen
{"anderObjecttype": true,
 "objecttype": "https://objecttypen.example/api/v2/objecttypes/4b1a2e2c-53f4-4d5c-a0c8-1f4c6b1a0b7e",
 "relatieOmschrijving": "De boom die gekapt wordt",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- response_headers_like
Location: http://localhost/catalogi/api/v1/zaakobjecttypen/[0-9a-f-]{36}
--- json_subset
{"url": "/^http:\\/\\/localhost\\/catalogi\\/api\\/v1\\/zaakobjecttypen\\/[0-9a-f-]{36}$/",
 "anderObjecttype": true,
 "objecttype": "https://objecttypen.example/api/v2/objecttypes/4b1a2e2c-53f4-4d5c-a0c8-1f4c6b1a0b7e",
 "relatieOmschrijving": "De boom die gekapt wordt",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "zaaktypeIdentificatie": "ZT-C", "resultaattypen": [],
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": null,
 "beginObject": "2024-01-01", "eindeObject": null}
--- sql_check
SELECT ander_objecttype, relatie_omschrijving, statustype FROM catalogi.zaakobjecttype
--- sql_check_out
t|De boom die gekapt wordt|bbbbbbbb-0001-4000-8000-000000000001



=== TEST 89: zaakobjecttype: create without the required fields
--- init
main::seed();
--- request
POST /catalogi/api/v1/zaakobjecttypen
{"statustype": null}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
anderObjecttype required Dit veld is verplicht.
objecttype required Dit veld is verplicht.
relatieOmschrijving required Dit veld is verplicht.
zaaktype required Dit veld is verplicht.



=== TEST 90: zaakobjecttype: objecttype must be a URL of at most 200 characters; anderObjecttype a boolean
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/zaakobjecttypen\n"
 . qq({"anderObjecttype": "soms", "objecttype": "boom", "relatieOmschrijving": ") . ('r' x 81) . qq(", )
 . qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"}),
 "POST /catalogi/api/v1/zaakobjecttypen\n"
 . qq({"anderObjecttype": false, "objecttype": "https://objecttypen.example/) . ('o' x 180) . qq(", )
 . qq("relatieOmschrijving": "r", )
 . qq("zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001"})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["anderObjecttype invalid Must be a valid boolean.
  objecttype invalid Voer een geldige URL in.
  relatieOmschrijving max_length Dit veld mag niet meer dan 80 karakters bevatten.",
 "objecttype max_length Dit veld mag niet meer dan 200 karakters bevatten."]



=== TEST 91: zaakobjecttype: the statustype must belong to the same zaaktype
# ERROR-CODES 2.3 relations-incorrect-zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000002', $main::U{zt_c2}, 1);
--- request
POST /catalogi/api/v1/zaakobjecttypen
{"anderObjecttype": false, "objecttype": "https://objecttypen.example/api/v2/objecttypes/1",
 "relatieOmschrijving": "r",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000002"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors relations-incorrect-zaaktype
--- sql_check
SELECT count(*) FROM catalogi.zaakobjecttype
--- sql_check_out
0



=== TEST 92: zaakobjecttype: statustype and zaaktype links that do not resolve
--- init
main::seed();
--- request
POST /catalogi/api/v1/zaakobjecttypen
{"anderObjecttype": false, "objecttype": "https://objecttypen.example/api/v2/objecttypes/1",
 "relatieOmschrijving": "r",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen",
 "statustype": "http://localhost/catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
zaaktype no_match Ongeldige hyperlink - Geen overeenkomende URL.
statustype incorrect_match Ongeldige hyperlink - Ongeldige URL



=== TEST 93: zaakobjecttype: read
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1);
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_p}, 'Het pand',
          'bbbbbbbb-0001-4000-8000-000000000001', ander => 1);
--- request
GET /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset
{"url": "http://localhost/catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001",
 "anderObjecttype": true,
 "objecttype": "https://objecttypen.example/api/v2/objecttypes/1",
 "relatieOmschrijving": "Het pand",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002",
 "zaaktypeIdentificatie": "ZT-P", "resultaattypen": [],
 "statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "beginGeldigheid": "2023-01-01", "eindeGeldigheid": null}



=== TEST 94: zaakobjecttype: read an unknown and a malformed uuid is 404, unknown parameter is 400
--- init
main::seed();
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_c}, 'Het pand');
--- request eval
["GET /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0009-4000-8000-000000000009",
 "GET /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-00000000000g",
 "GET /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001?objecttype=x"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[404, 404, 400]
--- response_headers eval
[(<<'_OZ_EACH_') x 3]
Content-Type: application/problem+json
_OZ_EACH_
--- response_body_like eval
[qr/"code":\s*"not_found"/, qr/"code":\s*"not_found"/,
 qr/"name":\s*"nonFieldErrors",\s*"code":\s*"unknown-parameters"/]



=== TEST 95: zaakobjecttype: list default and status filter
--- init
main::seed();
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_c}, 'Het pand');
main::zot('bbbbbbbb-0004-4000-8000-000000000002', $main::U{zt_p}, 'Het pand');
--- request eval
["GET /catalogi/api/v1/zaakobjecttypen",
 "GET /catalogi/api/v1/zaakobjecttypen?status=concept",
 "GET /catalogi/api/v1/zaakobjecttypen?status=alles"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 3]
--- results_by_uuid
[{"bbbbbbbb-0004-4000-8000-000000000002": {"zaaktypeIdentificatie": "ZT-P"}},
 {"bbbbbbbb-0004-4000-8000-000000000001": {"zaaktypeIdentificatie": "ZT-C"}},
 {"bbbbbbbb-0004-4000-8000-000000000001": {}, "bbbbbbbb-0004-4000-8000-000000000002": {}}]



=== TEST 96: zaakobjecttype: list filters anderObjecttype, objecttype, relatieOmschrijving
--- init
main::seed();
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_p}, 'Het pand', undef,
          ander => 1, objecttype => 'https://objecttypen.example/api/v2/objecttypes/boom');
main::zot('bbbbbbbb-0004-4000-8000-000000000002', $main::U{zt_p}, 'Het adres', undef,
          objecttype => 'https://objecttypen.example/api/v2/objecttypes/adres');
main::zot('bbbbbbbb-0004-4000-8000-000000000003', $main::U{zt_p}, 'Het pand', undef,
          objecttype => 'https://objecttypen.example/api/v2/objecttypes/boom');
--- request eval
["GET /catalogi/api/v1/zaakobjecttypen?anderObjecttype=true",
 "GET /catalogi/api/v1/zaakobjecttypen?anderObjecttype=false",
 "GET /catalogi/api/v1/zaakobjecttypen?objecttype=https%3A%2F%2Fobjecttypen.example%2Fapi%2Fv2%2Fobjecttypes%2Fboom",
 "GET /catalogi/api/v1/zaakobjecttypen?relatieOmschrijving=Het%20pand&anderObjecttype=false"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 4]
--- results_by_uuid
[{"bbbbbbbb-0004-4000-8000-000000000001": {"anderObjecttype": true}},
 {"bbbbbbbb-0004-4000-8000-000000000002": {}, "bbbbbbbb-0004-4000-8000-000000000003": {}},
 {"bbbbbbbb-0004-4000-8000-000000000001": {}, "bbbbbbbb-0004-4000-8000-000000000003": {}},
 {"bbbbbbbb-0004-4000-8000-000000000003": {}}]



=== TEST 97: zaakobjecttype: list filters catalogus, zaaktype and zaaktypeIdentificatie
--- init
main::seed();
main::zt('aaaaaaaa-1111-4000-8000-000000000006', 'ZT-Y', cat => $main::U{cat2}, concept => 0);
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_p}, 'Het pand');
main::zot('bbbbbbbb-0004-4000-8000-000000000002', 'aaaaaaaa-1111-4000-8000-000000000006', 'Het pand');
main::zot('bbbbbbbb-0004-4000-8000-000000000003', $main::U{zt_x}, 'Het pand');
--- request eval
["GET /catalogi/api/v1/zaakobjecttypen?catalogus=http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000002",
 "GET /catalogi/api/v1/zaakobjecttypen?catalogus=http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000002&status=alles",
 "GET /catalogi/api/v1/zaakobjecttypen?zaaktype=http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002",
 "GET /catalogi/api/v1/zaakobjecttypen?zaaktypeIdentificatie=ZT-X&status=concept"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 4]
--- results_by_uuid
[{"bbbbbbbb-0004-4000-8000-000000000002": {"catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000002"}},
 {"bbbbbbbb-0004-4000-8000-000000000002": {}, "bbbbbbbb-0004-4000-8000-000000000003": {}},
 {"bbbbbbbb-0004-4000-8000-000000000001": {}},
 {"bbbbbbbb-0004-4000-8000-000000000003": {"zaaktypeIdentificatie": "ZT-X"}}]



=== TEST 98: zaakobjecttype: list filters datumBeginGeldigheid, datumEindeGeldigheid (exact) and datumGeldigheid
--- init
main::seed();
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_p}, 'Een', undef,
          begin => '2023-01-01', einde => '2023-06-30');
main::zot('bbbbbbbb-0004-4000-8000-000000000002', $main::U{zt_p}, 'Twee', undef,
          begin => '2023-07-01', einde => '2023-12-31');
main::zot('bbbbbbbb-0004-4000-8000-000000000003', $main::U{zt_p}, 'Drie', undef,
          begin => '2024-01-01');
--- request eval
["GET /catalogi/api/v1/zaakobjecttypen?datumBeginGeldigheid=2023-07-01",
 "GET /catalogi/api/v1/zaakobjecttypen?datumEindeGeldigheid=2023-06-30",
 "GET /catalogi/api/v1/zaakobjecttypen?datumGeldigheid=2023-12-31",
 "GET /catalogi/api/v1/zaakobjecttypen?datumGeldigheid=2025-05-05"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 4]
--- results_by_uuid
[{"bbbbbbbb-0004-4000-8000-000000000002": {"beginGeldigheid": "2023-07-01"}},
 {"bbbbbbbb-0004-4000-8000-000000000001": {"eindeGeldigheid": "2023-06-30"}},
 {"bbbbbbbb-0004-4000-8000-000000000002": {}},
 {"bbbbbbbb-0004-4000-8000-000000000003": {}}]



=== TEST 99: zaakobjecttype: invalid filter values; unknown parameter
--- init
main::seed();
--- request eval
["GET /catalogi/api/v1/zaakobjecttypen?catalogus=catalogus-een&datumBeginGeldigheid=morgen&datumEindeGeldigheid=2023-02-30",
 "GET /catalogi/api/v1/zaakobjecttypen?statustype=x"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["catalogus invalid
  datumBeginGeldigheid invalid
  datumEindeGeldigheid invalid",
 "nonFieldErrors unknown-parameters Onbekende query parameters: statustype"]



=== TEST 100: zaakobjecttype: PUT and PATCH below a concept zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_c}, 'Het pand');
--- request eval
["PATCH /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001\n"
 . '{"statustype": "http://localhost/catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001"}',
 "PUT /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001\n"
 . '{"anderObjecttype": true, "objecttype": "https://objecttypen.example/api/v2/objecttypes/2", "relatieOmschrijving": "Het adres", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001", "statustype": null}']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(200) x 2]
--- json_subset
{"url": "http://localhost/catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001"}
--- sql_check
SELECT relatie_omschrijving || '|' || ander_objecttype || '|' || coalesce(statustype::text, 'null')
  FROM catalogi.zaakobjecttype
--- sql_check_out eval
["Het pand|false|bbbbbbbb-0001-4000-8000-000000000001", "Het adres|true|null"]



=== TEST 101: zaakobjecttype: the statustype's zaakobjecttypen list it
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::zot('bbbbbbbb-0004-4000-8000-000000000002', $main::U{zt_c}, 'Het adres',
          'bbbbbbbb-0001-4000-8000-000000000001');
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_c}, 'Het pand',
          'bbbbbbbb-0001-4000-8000-000000000001');
--- request
GET /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset eval
{ zaakobjecttypen => [ map {
      qr{^http://localhost/catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-00000000000[12]$}
  } 1 .. 2 ] }
--- response_body_like eval
qr{(?=.*zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001)(?=.*zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000002)}s



=== TEST 102: zaakobjecttype: DELETE below a concept zaaktype
--- init
main::seed();
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_c}, 'Het pand');
--- request
DELETE /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.zaakobjecttype
--- sql_check_out
0



=== TEST 103: zaakobjecttype ztc-010: no create, PUT, PATCH or DELETE below a published zaaktype
# RULES-CHECKLIST 151 [ztc-010] names Zaakobjecttype
--- init
main::seed();
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_p}, 'Het pand');
--- request eval
["POST /catalogi/api/v1/zaakobjecttypen\n"
 . '{"anderObjecttype": false, "objecttype": "https://objecttypen.example/api/v2/objecttypes/1", "relatieOmschrijving": "r", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PUT /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001\n"
 . '{"anderObjecttype": false, "objecttype": "https://objecttypen.example/api/v2/objecttypes/1", "relatieOmschrijving": "r", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PATCH /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001\n"
 . '{"relatieOmschrijving": "r"}',
 "DELETE /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001"]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 4]
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT string_agg(relatie_omschrijving, ',') FROM catalogi.zaakobjecttype
--- sql_check_out
Het pand



=== TEST 104: zaakobjecttype ztc-010: a correctie may create and PUT below a published zaaktype
--- init
main::seed();
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_p}, 'Het pand');
--- request eval
["POST /catalogi/api/v1/zaakobjecttypen\n"
 . '{"anderObjecttype": false, "objecttype": "https://objecttypen.example/api/v2/objecttypes/1", "relatieOmschrijving": "Nieuw", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}',
 "PUT /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001\n"
 . '{"anderObjecttype": false, "objecttype": "https://objecttypen.example/api/v2/objecttypes/1", "relatieOmschrijving": "Verbeterd", "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002"}']
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[201, 200]
--- json_subset
{"zaaktypeIdentificatie": "ZT-P"}
--- sql_check
SELECT string_agg(relatie_omschrijving, ',' ORDER BY relatie_omschrijving) FROM catalogi.zaakobjecttype
--- sql_check_out eval
["Het pand,Nieuw", "Nieuw,Verbeterd"]



=== TEST 105: zaakobjecttype ztc-010: catalogi.geforceerd-verwijderen DELETEs below a published zaaktype
--- init
main::seed();
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_p}, 'Het pand');
--- request
DELETE /catalogi/api/v1/zaakobjecttypen/bbbbbbbb-0004-4000-8000-000000000001
--- more_headers eval
main::hdr('verwijder')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.zaakobjecttype
--- sql_check_out
0



=== TEST 106: resultaattype: create with every field; omschrijvingGeneriek, archiefnominatie and archiefactietermijn derived
# RULES-CHECKLIST 139-141 [ztc-002]
--- init
main::seed();
--- request
POST /catalogi/api/v1/resultaattypen
{"zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "omschrijving": "Ingericht",
 "resultaattypeomschrijving": "http://selectielijst.test/api/v1/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1",
 "selectielijstklasse": "http://selectielijst.test/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f",
 "toelichting": "De organisatie is ingericht",
 "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld", "datumkenmerk": "",
   "einddatumBekend": false, "objecttype": "", "registratie": "", "procestermijn": null},
 "procesobjectaard": "De organisatie", "indicatieSpecifiek": true,
 "procestermijn": "P1Y", "besluittypen": [], "informatieobjecttypen": []}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- response_headers_like
Location: http://localhost/catalogi/api/v1/resultaattypen/[0-9a-f-]{36}
--- json_subset
{"url": "/^http:\\/\\/localhost\\/catalogi\\/api\\/v1\\/resultaattypen\\/[0-9a-f-]{36}$/",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000001",
 "zaaktypeIdentificatie": "ZT-C", "omschrijving": "Ingericht",
 "resultaattypeomschrijving": "http://selectielijst.test/api/v1/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1",
 "omschrijvingGeneriek": "Toegekend",
 "selectielijstklasse": "http://selectielijst.test/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f",
 "toelichting": "De organisatie is ingericht",
 "archiefnominatie": "vernietigen", "archiefactietermijn": "P10Y",
 "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld", "datumkenmerk": "",
   "einddatumBekend": false, "objecttype": "", "registratie": "", "procestermijn": null},
 "procesobjectaard": "De organisatie", "indicatieSpecifiek": true,
 "procestermijn": "P1Y",
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "besluittypen": [], "besluittypeOmschrijving": [],
 "informatieobjecttypen": [], "informatieobjecttypeOmschrijving": [],
 "beginGeldigheid": "2024-01-01", "eindeGeldigheid": null,
 "beginObject": "2024-01-01", "eindeObject": null}
--- sql_check
SELECT omschrijving, omschrijving_generiek, archiefnominatie, archiefactietermijn
  FROM catalogi.resultaattype
--- sql_check_out
Ingericht|Toegekend|vernietigen|P10Y



=== TEST 107: resultaattype ztc-002: blijvend_bewaren derived from the waardering; no bewaartermijn, no archiefactietermijn
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n" . main::rbody(selectielijstklasse => $main::R{blijvend})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"archiefnominatie": "blijvend_bewaren", "archiefactietermijn": null,
 "omschrijvingGeneriek": "Toegekend"}



=== TEST 108: resultaattype ztc-002: a resultaat without bewaartermijn leaves archiefactietermijn empty
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_secr', selectielijstklasse => $main::R{nobewaar})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"archiefnominatie": "vernietigen", "archiefactietermijn": null,
 "zaaktypeIdentificatie": "ZT-SECR"}



=== TEST 109: resultaattype ztc-002: archiefnominatie and archiefactietermijn given are kept
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(archiefnominatie => 'blijvend_bewaren', archiefactietermijn => 'P20Y')
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"archiefnominatie": "blijvend_bewaren", "archiefactietermijn": "P20Y"}



=== TEST 110: resultaattype ztc-002: omschrijvingGeneriek is read-only, taken from the resultaattypeomschrijving
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(resultaattypeomschrijving => $main::RTO{afgewezen},
              omschrijvingGeneriek => 'Zelf bedacht',
              besluittypeOmschrijving => ['Zelf'], catalogus => 'x')
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"omschrijvingGeneriek": "Afgewezen", "besluittypeOmschrijving": [],
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001"}



=== TEST 111: resultaattype: create without the required fields
--- init
main::seed();
--- request
POST /catalogi/api/v1/resultaattypen
{"toelichting": "t"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
zaaktype required Dit veld is verplicht.
omschrijving required Dit veld is verplicht.
resultaattypeomschrijving required Dit veld is verplicht.
selectielijstklasse required Dit veld is verplicht.



=== TEST 112: resultaattype: brondatumArchiefprocedure may be left out with archiefnominatie blijvend_bewaren
# ZGW-INVENTORY 4.3 C11; ERROR-CODES 2.3 required
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(selectielijstklasse => $main::R{blijvend},
              archiefnominatie => 'blijvend_bewaren', brondatum => undef)
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"archiefnominatie": "blijvend_bewaren"}



=== TEST 113: resultaattype: brondatumArchiefprocedure is required with archiefnominatie vernietigen
# ERROR-CODES 2.3: required, "Dit veld is verplicht als de archiefnominatie <x> is"
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(archiefnominatie => 'vernietigen', brondatum => undef),
 "POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(archiefnominatie => 'vernietigen')
   =~ s/"brondatumArchiefprocedure":\{[^}]*\}/"brondatumArchiefprocedure":null/r]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
brondatumArchiefprocedure required Dit veld is verplicht als de archiefnominatie vernietigen is
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 114: resultaattype: a selectielijstklasse or resultaattypeomschrijving that cannot be fetched is bad-url
# ERROR-CODES 2.1 bad-url (plain URL fields with a fetch validator)
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(selectielijstklasse => $main::R{onbekend}),
 "POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(resultaattypeomschrijving => $main::RTO{onbekend})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["selectielijstklasse bad-url De URL http://selectielijst.test/api/v1/resultaten/00000000-0000-4000-8000-000000000000 gaf als antwoord HTTP 404. Geef een geldige URL op.",
 "resultaattypeomschrijving bad-url De URL http://selectielijst.test/api/v1/resultaattypeomschrijvingen/00000000-0000-4000-8000-000000000000 gaf als antwoord HTTP 404. Geef een geldige URL op."]
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 115: resultaattype: a selectielijstklasse or resultaattypeomschrijving of the wrong kind is invalid-resource
# ERROR-CODES 2.1 invalid-resource; the Resultaat needs nummer, naam,
# herkomst, waardering; a ResultaattypeOmschrijvingGeneriek omschrijving,
# definitie
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(selectielijstklasse => $main::RTO{toegekend}),
 "POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(resultaattypeomschrijving => $main::PT{org})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["selectielijstklasse invalid-resource De URL http://selectielijst.test/api/v1/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1 resource lijkt niet op een `Resultaat`. Geef een geldige URL op.",
 "resultaattypeomschrijving invalid-resource"]



=== TEST 116: resultaattype: selectielijstklasse and resultaattypeomschrijving must be URLs
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(selectielijstklasse => 'resultaat 1.1', resultaattypeomschrijving => 'Toegekend')
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
selectielijstklasse invalid Voer een geldige URL in.
resultaattypeomschrijving invalid Voer een geldige URL in.



=== TEST 117: resultaattype ztc-002: the selectielijstklasse belongs to the zaaktype's selectielijstProcestype
# ERROR-CODES 2.3 procestype-mismatch
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(selectielijstklasse => $main::R{ingeschat},
              brondatum => { afleidingswijze => 'termijn', procestermijn => 'P5Y' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors procestype-mismatch
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 118: resultaattype ztc-003: procestermijn nihil needs afleidingswijze afgehandeld
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(brondatum => { afleidingswijze => 'termijn', procestermijn => 'P5Y' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors invalid-afleidingswijze-for-procestermijn



=== TEST 119: resultaattype ztc-003: procestermijn ingeschatte_bestaansduur_procesobject needs termijn
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(zt => 'zt_onderh', selectielijstklasse => $main::R{ingeschat}),
 "POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(zt => 'zt_onderh', selectielijstklasse => $main::R{ingeschat},
               brondatum => { afleidingswijze => 'zaakobject', datumkenmerk => 'einddatum',
                              objecttype => 'pand' })]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
nonFieldErrors invalid-afleidingswijze-for-procestermijn



=== TEST 120: resultaattype ztc-003: termijn with procestermijn ingeschatte_bestaansduur_procesobject
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_onderh', selectielijstklasse => $main::R{ingeschat},
              brondatum => { afleidingswijze => 'termijn', procestermijn => 'P5Y' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"archiefnominatie": "vernietigen", "archiefactietermijn": "P5Y",
 "brondatumArchiefprocedure": {"afleidingswijze": "termijn", "procestermijn": "P5Y",
   "datumkenmerk": "", "einddatumBekend": false, "objecttype": "", "registratie": ""}}



=== TEST 121: resultaattype ztc-003: another procestermijn does not allow afgehandeld
# ZGW-INVENTORY 4.3 C11: afgehandeld only with nihil
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_plan', selectielijstklasse => $main::R{vast})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors invalid-afleidingswijze-for-procestermijn



=== TEST 122: resultaattype ztc-003: another procestermijn allows the other afleidingswijzen
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_plan', selectielijstklasse => $main::R{vast},
              brondatum => { afleidingswijze => 'ander_datumkenmerk',
                             datumkenmerk => 'vervaldatum', objecttype => 'overige',
                             registratie => 'Vergunningen', einddatumBekend => JSON::PP::true })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"brondatumArchiefprocedure": {"afleidingswijze": "ander_datumkenmerk",
   "datumkenmerk": "vervaldatum", "einddatumBekend": true,
   "objecttype": "overige", "registratie": "Vergunningen", "procestermijn": null}}



=== TEST 123: resultaattype ztc-003: an empty procestermijn allows every afleidingswijze
# standaard catalogi: "Als er geen procestermijn gezet is ... dan MOETEN
# alle waardes voor de afleidingswijze mogelijk zijn"
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/resultaattypen\n"
       . main::rbody(zt => 'zt_toez', selectielijstklasse => $main::R{leeg},
                     omschrijving => "R$_->{afleidingswijze}", brondatum => $_) }
 { afleidingswijze => 'afgehandeld' },
 { afleidingswijze => 'termijn', procestermijn => 'P10Y' },
 { afleidingswijze => 'eigenschap', datumkenmerk => 'datum' },
 { afleidingswijze => 'hoofdzaak' },
 { afleidingswijze => 'ingangsdatum_besluit' },
 { afleidingswijze => 'vervaldatum_besluit' },
 { afleidingswijze => 'gerelateerde_zaak' }]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(201) x 7]
--- json_subset
{"archiefnominatie": "vernietigen", "archiefactietermijn": "P2Y"}
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out eval
[1 .. 7]



=== TEST 124: resultaattype ztc-004..ztc-008: afgehandeld leaves every other member empty
# ERROR-CODES 2.3 must-be-empty, reported together
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(brondatum => { afleidingswijze => 'afgehandeld', procestermijn => 'P1Y',
                             datumkenmerk => 'x', einddatumBekend => JSON::PP::true,
                             objecttype => 'pand', registratie => 'BAG' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
brondatumArchiefprocedure.procestermijn must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `afgehandeld`
brondatumArchiefprocedure.datumkenmerk must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `afgehandeld`
brondatumArchiefprocedure.einddatumBekend must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `afgehandeld`
brondatumArchiefprocedure.objecttype must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `afgehandeld`
brondatumArchiefprocedure.registratie must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `afgehandeld`
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 125: resultaattype ztc-005, ztc-008: termijn needs procestermijn, no einddatumBekend nor datumkenmerk
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_toez', selectielijstklasse => $main::R{leeg},
              brondatum => { afleidingswijze => 'termijn', einddatumBekend => JSON::PP::true,
                             datumkenmerk => 'x' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
brondatumArchiefprocedure.procestermijn required
brondatumArchiefprocedure.einddatumBekend must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `termijn`
brondatumArchiefprocedure.datumkenmerk must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `termijn`



=== TEST 126: resultaattype ztc-004, ztc-006..ztc-008: eigenschap needs datumkenmerk only
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_toez', selectielijstklasse => $main::R{leeg},
              brondatum => { afleidingswijze => 'eigenschap', objecttype => 'pand',
                             registratie => 'BAG', procestermijn => 'P1Y' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
brondatumArchiefprocedure.datumkenmerk required
brondatumArchiefprocedure.objecttype must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `eigenschap`
brondatumArchiefprocedure.registratie must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `eigenschap`
brondatumArchiefprocedure.procestermijn must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `eigenschap`



=== TEST 127: resultaattype ztc-004, ztc-006, ztc-007: zaakobject needs datumkenmerk and objecttype, no registratie
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_toez', selectielijstklasse => $main::R{leeg},
              brondatum => { afleidingswijze => 'zaakobject', registratie => 'BAG' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
brondatumArchiefprocedure.datumkenmerk required
brondatumArchiefprocedure.objecttype required
brondatumArchiefprocedure.registratie must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `zaakobject`



=== TEST 128: resultaattype ztc-004, ztc-006, ztc-007: ander_datumkenmerk needs datumkenmerk, objecttype and registratie
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_toez', selectielijstklasse => $main::R{leeg},
              brondatum => { afleidingswijze => 'ander_datumkenmerk' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
brondatumArchiefprocedure.datumkenmerk required
brondatumArchiefprocedure.objecttype required
brondatumArchiefprocedure.registratie required



=== TEST 129: resultaattype ztc-004..ztc-008: zaakobject with datumkenmerk, objecttype and einddatumBekend
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_toez', selectielijstklasse => $main::R{leeg},
              brondatum => { afleidingswijze => 'zaakobject', datumkenmerk => 'sloopdatum',
                             objecttype => 'pand', einddatumBekend => JSON::PP::true })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"brondatumArchiefprocedure": {"afleidingswijze": "zaakobject",
   "datumkenmerk": "sloopdatum", "einddatumBekend": true, "objecttype": "pand",
   "registratie": "", "procestermijn": null}}



=== TEST 130: resultaattype ztc-004: the besluit and zaak afleidingswijzen take no datumkenmerk
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/resultaattypen\n"
       . main::rbody(zt => 'zt_toez', selectielijstklasse => $main::R{leeg},
                     brondatum => { afleidingswijze => $_, datumkenmerk => 'datum' }) }
 qw(vervaldatum_besluit ingangsdatum_besluit hoofdzaak gerelateerde_zaak)]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 4]
--- invalid_params eval
[map { "brondatumArchiefprocedure.datumkenmerk must-be-empty Dit veld mag geen waarde hebben voor de afleidingswijze `$_`" }
 qw(vervaldatum_besluit ingangsdatum_besluit hoofdzaak gerelateerde_zaak)]



=== TEST 131: resultaattype: field errors inside brondatumArchiefprocedure
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(brondatum => { datumkenmerk => 'd' x 81, objecttype => 'boom',
                              procestermijn => '5 jaar' }),
 "POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(brondatum => { afleidingswijze => 'zomaar' })]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["brondatumArchiefprocedure.afleidingswijze required Dit veld is verplicht.
  brondatumArchiefprocedure.datumkenmerk max_length Dit veld mag niet meer dan 80 karakters bevatten.
  brondatumArchiefprocedure.objecttype invalid_choice \"boom\" is een ongeldige keuze.
  brondatumArchiefprocedure.procestermijn invalid",
 "brondatumArchiefprocedure.afleidingswijze invalid_choice \"zomaar\" is een ongeldige keuze."]



=== TEST 132: resultaattype: field errors of the top-level fields
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(omschrijving => 'o' x 31, archiefnominatie => 'bewaren',
              archiefactietermijn => 'tien jaar', indicatieSpecifiek => 'ja',
              procestermijn => '1 jaar', procesobjectaard => 'p' x 201)
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
omschrijving max_length Dit veld mag niet meer dan 30 karakters bevatten.
archiefnominatie invalid_choice "bewaren" is een ongeldige keuze.
archiefactietermijn invalid
indicatieSpecifiek invalid Must be a valid boolean.
procestermijn invalid
procesobjectaard max_length Dit veld mag niet meer dan 200 karakters bevatten.



=== TEST 133: resultaattype: omschrijving is unique per zaaktype
# ERROR-CODES 2.1 unique (resultaattype: zaaktype, omschrijving)
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request eval
"POST /catalogi/api/v1/resultaattypen\n" . main::rbody(omschrijving => 'Toegekend')
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors unique De velden zaaktype, omschrijving moeten een unieke set zijn.
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
1



=== TEST 134: resultaattype: besluittypen and informatieobjecttypen of the catalogus, with their omschrijvingen
--- init
main::seed();
main::bt('bbbbbbbb-0006-4000-8000-000000000001', $main::U{cat1}, 'Besluit A');
main::bt('bbbbbbbb-0006-4000-8000-000000000002', $main::U{cat1}, 'Besluit B');
main::iot('bbbbbbbb-0007-4000-8000-000000000001', $main::U{cat1}, 'Brief');
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(besluittypen => [main::url('besluittypen', 'bbbbbbbb-0006-4000-8000-000000000002'),
                               main::url('besluittypen', 'bbbbbbbb-0006-4000-8000-000000000001')],
              informatieobjecttypen => [main::url('informatieobjecttypen', 'bbbbbbbb-0007-4000-8000-000000000001')])
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset
{"besluittypen": ["http://localhost/catalogi/api/v1/besluittypen/bbbbbbbb-0006-4000-8000-000000000002",
                  "http://localhost/catalogi/api/v1/besluittypen/bbbbbbbb-0006-4000-8000-000000000001"],
 "besluittypeOmschrijving": ["Besluit B", "Besluit A"],
 "informatieobjecttypen": ["http://localhost/catalogi/api/v1/informatieobjecttypen/bbbbbbbb-0007-4000-8000-000000000001"],
 "informatieobjecttypeOmschrijving": ["Brief"]}



=== TEST 135: resultaattype: besluittypen and informatieobjecttypen that do not exist
# ERROR-CODES 1.4 point 7: the bare field name, the first bad item
--- init
main::seed();
main::bt('bbbbbbbb-0006-4000-8000-000000000001', $main::U{cat1}, 'Besluit A');
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(besluittypen => [main::url('besluittypen', 'bbbbbbbb-0006-4000-8000-000000000001'),
                                main::url('besluittypen', 'bbbbbbbb-0006-4000-8000-000000000009')]),
 "POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(informatieobjecttypen => [main::url('informatieobjecttypen', 'bbbbbbbb-0007-4000-8000-000000000009')])]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["besluittypen does_not_exist Ongeldige hyperlink - Object bestaat niet.",
 "informatieobjecttypen does_not_exist Ongeldige hyperlink - Object bestaat niet."]



=== TEST 136: resultaattype ztc-013: besluittypen and informatieobjecttypen of another catalogus
# ERROR-CODES 2.3 relations-incorrect-catalogus
--- init
main::seed();
main::bt('bbbbbbbb-0006-4000-8000-000000000001', $main::U{cat2}, 'Besluit A');
main::iot('bbbbbbbb-0007-4000-8000-000000000001', $main::U{cat2}, 'Brief');
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(besluittypen => [main::url('besluittypen', 'bbbbbbbb-0006-4000-8000-000000000001')]),
 "POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(informatieobjecttypen => [main::url('informatieobjecttypen', 'bbbbbbbb-0007-4000-8000-000000000001')])]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params
nonFieldErrors relations-incorrect-catalogus
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 137: resultaattype ztc-011a: besluittypen go by omschrijving; read gives today's version
# standaard catalogi ztc-011a (relations by besluittype.omschrijving,
# version-independent); RULES-CHECKLIST 164
--- init
main::seed();
main::bt('bbbbbbbb-0006-4000-8000-000000000001', $main::U{cat1}, 'Besluit X',
         concept => 0, begin => '2000-01-01', einde => '2019-12-31');
main::bt('bbbbbbbb-0006-4000-8000-000000000002', $main::U{cat1}, 'Besluit X',
         concept => 0, begin => '2020-01-01');
main::iot('bbbbbbbb-0007-4000-8000-000000000001', $main::U{cat1}, 'Brief', concept => 0);
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_p}, 'Toegekend',
          besluittypen => ['Besluit X'], informatieobjecttypen => ['Brief']);
--- request
GET /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset
{"besluittypen": ["http://localhost/catalogi/api/v1/besluittypen/bbbbbbbb-0006-4000-8000-000000000002"],
 "besluittypeOmschrijving": ["Besluit X"],
 "informatieobjecttypen": ["http://localhost/catalogi/api/v1/informatieobjecttypen/bbbbbbbb-0007-4000-8000-000000000001"],
 "informatieobjecttypeOmschrijving": ["Brief"]}



=== TEST 138: resultaattype: read
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_p}, 'Toegekend');
--- request
GET /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 200
--- json_subset
{"url": "http://localhost/catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001",
 "zaaktype": "http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000002",
 "zaaktypeIdentificatie": "ZT-P", "omschrijving": "Toegekend",
 "resultaattypeomschrijving": "http://selectielijst.test/api/v1/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1",
 "omschrijvingGeneriek": "Toegekend",
 "selectielijstklasse": "http://selectielijst.test/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f",
 "archiefnominatie": "vernietigen", "archiefactietermijn": "P10Y",
 "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
 "catalogus": "http://localhost/catalogi/api/v1/catalogussen/cccccccc-0000-4000-8000-000000000001",
 "besluittypen": [], "besluittypeOmschrijving": [],
 "informatieobjecttypen": [], "informatieobjecttypeOmschrijving": [],
 "beginGeldigheid": "2023-01-01", "eindeGeldigheid": null,
 "beginObject": "2023-01-01", "eindeObject": null}



=== TEST 139: resultaattype: read an unknown and a malformed uuid is 404, unknown parameter is 400
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request eval
["GET /catalogi/api/v1/resultaattypen/bbbbbbbb-0009-4000-8000-000000000009",
 "GET /catalogi/api/v1/resultaattypen/bbbbbbbb00054000800000000000001",
 "GET /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001?datumGeldigheid=2024-01-01"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[404, 404, 400]
--- response_headers eval
[(<<'_OZ_EACH_') x 3]
Content-Type: application/problem+json
_OZ_EACH_
--- response_body_like eval
[qr/"code":\s*"not_found"/, qr/"code":\s*"not_found"/,
 qr/"name":\s*"nonFieldErrors",\s*"code":\s*"unknown-parameters"/]



=== TEST 140: resultaattype: list default and status filter
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
main::res('bbbbbbbb-0005-4000-8000-000000000002', $main::U{zt_p}, 'Toegekend');
--- request eval
["GET /catalogi/api/v1/resultaattypen",
 "GET /catalogi/api/v1/resultaattypen?status=concept",
 "GET /catalogi/api/v1/resultaattypen?status=alles"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 3]
--- results_by_uuid
[{"bbbbbbbb-0005-4000-8000-000000000002": {"zaaktypeIdentificatie": "ZT-P"}},
 {"bbbbbbbb-0005-4000-8000-000000000001": {"zaaktypeIdentificatie": "ZT-C"}},
 {"bbbbbbbb-0005-4000-8000-000000000001": {}, "bbbbbbbb-0005-4000-8000-000000000002": {}}]



=== TEST 141: resultaattype: list filters zaaktype, zaaktypeIdentificatie and datumGeldigheid
--- init
main::seed();
main::versions();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_v1}, 'Toegekend');
main::res('bbbbbbbb-0005-4000-8000-000000000002', $main::U{zt_v2}, 'Toegekend');
main::res('bbbbbbbb-0005-4000-8000-000000000003', $main::U{zt_w}, 'Toegekend');
--- request eval
["GET /catalogi/api/v1/resultaattypen?zaaktype=http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-1111-4000-8000-000000000021",
 "GET /catalogi/api/v1/resultaattypen?zaaktypeIdentificatie=ZT-W",
 "GET /catalogi/api/v1/resultaattypen?datumGeldigheid=2020-01-01",
 "GET /catalogi/api/v1/resultaattypen?zaaktypeIdentificatie=ZT-V&datumGeldigheid=2024-02-29"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(200) x 4]
--- results_by_uuid
[{"bbbbbbbb-0005-4000-8000-000000000001": {}},
 {"bbbbbbbb-0005-4000-8000-000000000003": {}},
 {"bbbbbbbb-0005-4000-8000-000000000001": {}, "bbbbbbbb-0005-4000-8000-000000000003": {}},
 {"bbbbbbbb-0005-4000-8000-000000000002": {}}]



=== TEST 142: resultaattype: invalid filter values; unknown parameter
--- init
main::seed();
--- request eval
["GET /catalogi/api/v1/resultaattypen?status=ALLES&datumGeldigheid=20240101",
 "GET /catalogi/api/v1/resultaattypen?omschrijving=Toegekend"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["status invalid_choice
  datumGeldigheid invalid",
 "nonFieldErrors unknown-parameters Onbekende query parameters: omschrijving"]



=== TEST 143: resultaattype: PUT replaces it, with the derivations of the new selectielijstklasse
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request eval
"PUT /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001\n"
. main::rbody(omschrijving => 'Bewaard', selectielijstklasse => $main::R{blijvend},
              resultaattypeomschrijving => $main::RTO{afgewezen})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset
{"url": "http://localhost/catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001",
 "omschrijving": "Bewaard", "omschrijvingGeneriek": "Afgewezen",
 "selectielijstklasse": "http://selectielijst.test/api/v1/resultaten/6d37598e-30f0-4aef-930d-3e1690725d95"}
--- sql_check
SELECT omschrijving, omschrijving_generiek FROM catalogi.resultaattype
--- sql_check_out
Bewaard|Afgewezen



=== TEST 144: resultaattype: PUT without the required fields
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request eval
"PUT /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001\n"
. main::rbody(resultaattypeomschrijving => undef, selectielijstklasse => undef)
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
resultaattypeomschrijving required
selectielijstklasse required



=== TEST 145: resultaattype: PATCH omschrijving keeps the rest
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request
PATCH /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001
{"omschrijving": "Verleend"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset
{"omschrijving": "Verleend", "omschrijvingGeneriek": "Toegekend",
 "archiefnominatie": "vernietigen", "archiefactietermijn": "P10Y",
 "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"}}
--- sql_check
SELECT omschrijving FROM catalogi.resultaattype
--- sql_check_out
Verleend



=== TEST 146: resultaattype ztc-002: after a PATCH of resultaattypeomschrijving, omschrijvingGeneriek follows
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request
PATCH /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001
{"resultaattypeomschrijving": "http://selectielijst.test/api/v1/resultaattypeomschrijvingen/e6a0c939-3404-45b0-88e3-76c94fb80ea7"}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset
{"resultaattypeomschrijving": "http://selectielijst.test/api/v1/resultaattypeomschrijvingen/e6a0c939-3404-45b0-88e3-76c94fb80ea7",
 "omschrijvingGeneriek": "Afgewezen"}



=== TEST 147: resultaattype ztc-002: PATCH to a selectielijstklasse of another procestype
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request eval
"PATCH /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001\n"
. '{"selectielijstklasse": "' . $main::R{nobewaar} . '"}'
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors procestype-mismatch
--- sql_check
SELECT selectielijstklasse FROM catalogi.resultaattype
--- sql_check_out
http://selectielijst.test/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f



=== TEST 148: resultaattype ztc-003: PATCH of the afleidingswijze is checked against the stored selectielijstklasse
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request
PATCH /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001
{"brondatumArchiefprocedure": {"afleidingswijze": "termijn", "procestermijn": "P5Y"}}
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors invalid-afleidingswijze-for-procestermijn
--- sql_check
SELECT brondatum_archiefprocedure->>'afleidingswijze' FROM catalogi.resultaattype
--- sql_check_out
afgehandeld



=== TEST 149: resultaattype: DELETE below a concept zaaktype
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request
DELETE /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 150: resultaattype ztc-010: no create, PUT, PATCH or DELETE below a published zaaktype
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_p}, 'Toegekend');
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(zt => 'zt_p', omschrijving => 'Afgewezen'),
 "PUT /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001\n"
 . main::rbody(zt => 'zt_p', omschrijving => 'Afgewezen'),
 "PATCH /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001\n"
 . '{"omschrijving": "Afgewezen"}',
 "DELETE /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001"]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 4]
--- invalid_params
nonFieldErrors non-concept-zaaktype
--- sql_check
SELECT string_agg(omschrijving, ',') FROM catalogi.resultaattype
--- sql_check_out
Toegekend



=== TEST 151: resultaattype ztc-010: a correctie may create and PATCH below a published zaaktype
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_p}, 'Toegekend');
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(zt => 'zt_p', omschrijving => 'Afgewezen'),
 "PATCH /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001\n"
 . '{"toelichting": "verbeterd"}']
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[201, 200]
--- json_subset
{"zaaktypeIdentificatie": "ZT-P"}
--- sql_check
SELECT string_agg(omschrijving || ':' || toelichting, ',' ORDER BY omschrijving)
  FROM catalogi.resultaattype
--- sql_check_out eval
["Afgewezen:,Toegekend:", "Afgewezen:,Toegekend:verbeterd"]



=== TEST 152: resultaattype ztc-010: catalogi.geforceerd-verwijderen DELETEs below a published zaaktype
--- init
main::seed();
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_p}, 'Toegekend');
--- request
DELETE /catalogi/api/v1/resultaattypen/bbbbbbbb-0005-4000-8000-000000000001
--- more_headers eval
main::hdr('verwijder')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 153: every collection: a body that is not JSON is a parse_error
# ERROR-CODES 1.3: ParseError, no invalidParams
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/$_\n{\"omschrijving\": " }
 qw(statustypen roltypen eigenschappen zaakobjecttypen resultaattypen)]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 5]
--- response_headers eval
[(<<'_OZ_EACH_') x 5]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "parse_error", "status": 400, "title": "Ongeldig samengestelde request.",
 "detail": "/^JSON parse error/"}
--- json_absent
invalidParams



=== TEST 154: every collection: PUT and PATCH with a body that is not JSON
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_c}, 1);
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_c}, 'Behandelaar');
main::eig('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_c}, 'Kleur');
main::zot('bbbbbbbb-0004-4000-8000-000000000001', $main::U{zt_c}, 'Het pand');
main::res('bbbbbbbb-0005-4000-8000-000000000001', $main::U{zt_c}, 'Toegekend');
--- request eval
[map { ("PUT /catalogi/api/v1/$_->[0]/bbbbbbbb-000$_->[1]-4000-8000-000000000001\n[1,",
        "PATCH /catalogi/api/v1/$_->[0]/bbbbbbbb-000$_->[1]-4000-8000-000000000001\n{]") }
 [statustypen => 1], [roltypen => 2], [eigenschappen => 3], [zaakobjecttypen => 4],
 [resultaattypen => 5]]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 10]
--- json_subset
{"code": "parse_error", "status": 400}



=== TEST 155: every collection: a JSON body that is not an object
# ERROR-CODES 2.8: nonFieldErrors invalid "Ongeldige data. Verwacht een
# dictionary, kreeg een list."
--- init
main::seed();
--- request eval
[map { "POST /catalogi/api/v1/$_\n[{\"omschrijving\": \"x\"}]" }
 qw(statustypen roltypen eigenschappen zaakobjecttypen resultaattypen)]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 5]
--- invalid_params
nonFieldErrors invalid Ongeldige data. Verwacht een dictionary, kreeg een list.



=== TEST 156: every collection: PUT, PATCH and DELETE of an unknown uuid is 404
--- init
main::seed();
--- request eval
[map { ("PUT /catalogi/api/v1/$_/bbbbbbbb-0009-4000-8000-000000000009\n{}",
        "PATCH /catalogi/api/v1/$_/bbbbbbbb-0009-4000-8000-000000000009\n{}",
        "DELETE /catalogi/api/v1/$_/bbbbbbbb-0009-4000-8000-000000000009",
        "DELETE /catalogi/api/v1/$_/niet-een-uuid") }
 qw(statustypen roltypen eigenschappen zaakobjecttypen resultaattypen)]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(404) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "not_found", "status": 404, "detail": "Niet gevonden."}



=== TEST 157: ztc-010: heeftAlleAutorisaties is no explicit scope: a superuser may not create types below a published zaaktype
# Only an autorisatie naming catalogi.geforceerd-schrijven makes a correctie
# (TEST 35); heeftAlleAutorisaties grants every other scope.
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1);
--- request eval
my $zt = main::url('zaaktypen', $main::U{zt_p});
["POST /catalogi/api/v1/statustypen\n"
 . qq({"omschrijving": "Extra", "volgnummer": 2, "zaaktype": "$zt"}),
 "POST /catalogi/api/v1/roltypen\n"
 . qq({"omschrijving": "Extra", "omschrijvingGeneriek": "adviseur", "zaaktype": "$zt"}),
 "POST /catalogi/api/v1/resultaattypen\n" . main::rbody(zt => 'zt_p'),
 "POST /catalogi/api/v1/eigenschappen\n"
 . qq({"naam": "Extra", "definitie": "d", "zaaktype": "$zt", "specificatie": {"formaat": "tekst", "lengte": "5", "kardinaliteit": "1"}}),
 "POST /catalogi/api/v1/zaakobjecttypen\n"
 . qq({"anderObjecttype": false, "objecttype": "https://objecttypen.example/api/v2/objecttypes/1", "relatieOmschrijving": "Extra", "zaaktype": "$zt"})]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(400) x 5]
--- invalid_params
nonFieldErrors non-concept-zaaktype Creating or updating a relation to a non-concept zaaktype is forbidden
--- sql_check
SELECT (SELECT count(*) FROM catalogi.statustype), (SELECT count(*) FROM catalogi.roltype),
       (SELECT count(*) FROM catalogi.resultaattype), (SELECT count(*) FROM catalogi.eigenschap),
       (SELECT count(*) FROM catalogi.zaakobjecttype), (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0|0|0|0|0



=== TEST 158: ztc-010: a superuser may neither change nor delete the types below a published zaaktype
--- init
main::seed();
main::st('bbbbbbbb-0001-4000-8000-000000000001', $main::U{zt_p}, 1, 'Oud');
main::rt('bbbbbbbb-0002-4000-8000-000000000001', $main::U{zt_p}, 'Oud');
main::res('bbbbbbbb-0003-4000-8000-000000000001', $main::U{zt_p}, 'Oud');
--- request eval
["PATCH /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001\n{\"omschrijving\": \"Nieuw\"}",
 "PATCH /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001\n{\"omschrijving\": \"Nieuw\"}",
 "PATCH /catalogi/api/v1/resultaattypen/bbbbbbbb-0003-4000-8000-000000000001\n{\"toelichting\": \"Nieuw\"}",
 "DELETE /catalogi/api/v1/statustypen/bbbbbbbb-0001-4000-8000-000000000001",
 "DELETE /catalogi/api/v1/roltypen/bbbbbbbb-0002-4000-8000-000000000001",
 "DELETE /catalogi/api/v1/resultaattypen/bbbbbbbb-0003-4000-8000-000000000001"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(400) x 6]
--- invalid_params eval
[("nonFieldErrors non-concept-zaaktype Creating or updating a relation to a non-concept zaaktype is forbidden") x 3,
 ("nonFieldErrors non-concept-zaaktype Objects related to non-concept zaaktypen can't be destroyed") x 3]
--- sql_check
SELECT (SELECT string_agg(omschrijving, ',') FROM catalogi.statustype),
       (SELECT string_agg(omschrijving, ',') FROM catalogi.roltype),
       (SELECT string_agg(toelichting, ',') FROM catalogi.resultaattype),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
Oud|Oud||0



=== TEST 159: every broken rule in one answer: procestype-mismatch and invalid-afleidingswijze-for-procestermijn together
# The selectielijstklasse e84b516b (procestermijn nihil) belongs to the
# Secretariaat procestype, not to ZT-C's; the afleidingswijze termijn does
# not fit nihil (ztc-002, ztc-003).  DRF answers both validators at once.
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(selectielijstklasse => $main::R{nobewaar},
              brondatum => { afleidingswijze => 'termijn', procestermijn => 'P5Y' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
nonFieldErrors procestype-mismatch De selectielijstklasse hoort niet bij het selectielijst procestype van het zaaktype.
nonFieldErrors invalid-afleidingswijze-for-procestermijn De afleidingswijze termijn past niet bij de procestermijn nihil van de selectielijstklasse.
--- sql_check
SELECT count(*), (SELECT count(*) FROM zgw.notificatie) FROM catalogi.resultaattype
--- sql_check_out
0|0



=== TEST 160: every broken rule in one answer: the brondatumArchiefprocedure rules (ztc-004..008) with those checked against the Selectielijst
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(selectielijstklasse => $main::R{ingeschat},
              brondatum => { afleidingswijze => 'afgehandeld', datumkenmerk => 'einddatum',
                             registratie => 'BRP' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
brondatumArchiefprocedure.datumkenmerk must-be-empty
brondatumArchiefprocedure.registratie must-be-empty
nonFieldErrors procestype-mismatch
nonFieldErrors invalid-afleidingswijze-for-procestermijn
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 161: every broken rule in one answer: below a published zaaktype (superuser) with an afleidingswijze that does not fit
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(zt => 'zt_p', brondatum => { afleidingswijze => 'hoofdzaak' })
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- invalid_params
nonFieldErrors non-concept-zaaktype
nonFieldErrors invalid-afleidingswijze-for-procestermijn
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0



=== TEST 162: field errors stop the rules, as in DRF: a field error alone, even when a rule is broken too
--- init
main::seed();
--- request eval
"POST /catalogi/api/v1/resultaattypen\n"
. main::rbody(omschrijving => 'x' x 31, selectielijstklasse => $main::R{nobewaar},
              brondatum => { afleidingswijze => 'termijn', procestermijn => 'P5Y' })
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- invalid_params
omschrijving max_length Dit veld mag niet meer dan 30 karakters bevatten.



=== TEST 163: ztc-003: every procestermijn against every afleidingswijze
# nihil: only afgehandeld; ingeschatte_bestaansduur_procesobject: only
# termijn; an empty procestermijn: all of them (the standard); another
# procestermijn (vast_te_leggen_datum): all but afgehandeld (Open Zaak,
# where the standard is silent).
--- init
main::seed();
--- request eval
my @afl = (
    [afgehandeld => {}],
    [ander_datumkenmerk => { datumkenmerk => 'vervaldatum', objecttype => 'overige',
                             registratie => 'BRP' }],
    [eigenschap => { datumkenmerk => 'vervaldatum' }],
    [gerelateerde_zaak => {}],
    [hoofdzaak => {}],
    [ingangsdatum_besluit => {}],
    [termijn => { procestermijn => 'P5Y' }],
    [vervaldatum_besluit => {}],
    [zaakobject => { datumkenmerk => 'vervaldatum', objecttype => 'pand' }],
);
my @pt = ([zt_c => 'nihil'], [zt_onderh => 'ingeschat'], [zt_toez => 'leeg'],
          [zt_plan => 'vast']);
my @req;
for my $p (@pt) {
    for my $a (@afl) {
        push @req, "POST /catalogi/api/v1/resultaattypen\n"
            . main::rbody(zt => $p->[0], omschrijving => "R $a->[0]",
                          selectielijstklasse => $main::R{ $p->[1] },
                          brondatum => { afleidingswijze => $a->[0], %{ $a->[1] } });
    }
}
\@req
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[201, (400) x 8,
 (400) x 6, 201, (400) x 2,
 (201) x 9,
 400, (201) x 8]
--- response_body_like eval
my $ok = qr/^\{"url":"http:\/\/localhost\/catalogi\/api\/v1\/resultaattypen\//;
my $no = qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"invalid-afleidingswijze-for-procestermijn","reason":"[^"]*"\}\]/;
[$ok, ($no) x 8, ($no) x 6, $ok, ($no) x 2, ($ok) x 9, $no, ($ok) x 8]
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out eval
[1, (1) x 8, (1) x 6, 2, (2) x 2, 3 .. 11, 11, 12 .. 19]



=== TEST 164: a Selectielijst reference outside the configured Selectielijst API is invalid-resource, not bad-url
# bad-url is for a URL that cannot be fetched (TEST 114); a URL that is no
# resource of the Selectielijst API is not the expected kind of resource.
--- init
main::seed();
--- request eval
["POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(selectielijstklasse => 'https://elders.example/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f',
               resultaattypeomschrijving => 'https://elders.example/api/v1/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1'),
 "POST /catalogi/api/v1/resultaattypen\n"
 . main::rbody(omschrijving => 'x' x 31,
               selectielijstklasse => 'http://selectielijst.test.evil/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f')]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- invalid_params eval
["selectielijstklasse invalid-resource De URL https://elders.example/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f resource lijkt niet op een `Resultaat`. Geef een geldige URL op.
resultaattypeomschrijving invalid-resource De URL https://elders.example/api/v1/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1 resource lijkt niet op een `ResultaattypeOmschrijvingGeneriek`. Geef een geldige URL op.",
 "omschrijving max_length Dit veld mag niet meer dan 30 karakters bevatten.
selectielijstklasse invalid-resource"]
--- sql_check
SELECT count(*) FROM catalogi.resultaattype
--- sql_check_out
0
