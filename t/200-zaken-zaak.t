# Zaken API 1.5.1: the zaak resource.  Create, read, list, update, partial
# update and delete; the defaults Open Zaak derives (identificatie, the
# vertrouwelijkheidaanduiding and dates of the zaaktype), the rules of a
# zaak (zrc-001, zrc-002, zrc-013, zrc-014, zrc-015, zrc-022), immutable
# fields, and per-object authorisation (zrc-006) of lists, details and
# writes.
#
# Fixtures and clients: t/lib/OZ/Zaken.pm.  Sections invalid_params and
# results_by_uuid: t/lib/OZ/Checks.pm.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::Checks;
use OZ::Zaken;
use POSIX ();

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi'], selectielijst => 1);

run_tests();

__DATA__

=== TEST 1: create with every writable field; defaults and derived fields
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
'POST /zaken/api/v1/zaken
{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943",
 "zaaktype": "' . OZ::Zaken::zt_url('zt1') . '",
 "startdatum": "2026-11-01", "omschrijving": "Een zaak",
 "toelichting": "Uitleg", "registratiedatum": "2026-11-02",
 "publicatiedatum": "2026-11-03",
 "communicatiekanaal": "http://selectielijst.test/api/v1/communicatiekanalen/46c8e9b4-1a4b-4a1f-8d2e-3f6a2b7c9d01",
 "communicatiekanaalNaam": "E-mail",
 "productenOfDiensten": ["https://pdc.example/producten/1"],
 "betalingsindicatie": "geheel", "laatsteBetaaldatum": "2026-11-04T10:00:00Z",
 "zaakgeometrie": {"type": "Point", "coordinates": [5.1, 52.1]},
 "verlenging": {"reden": "Drukte", "duur": "P5D"},
 "opschorting": {"indicatie": true, "reden": "Wachten"},
 "selectielijstklasse": "http://selectielijst.test/api/v1/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f",
 "relevanteAndereZaken": [{"url": "https://zaken.example/zaken/1", "aardRelatie": "vervolg"}],
 "gerelateerdeZaken": [{"url": "https://zaken.example/zaken/2"}],
 "kenmerken": [{"kenmerk": "K-1", "bron": "Bron 1"}, {"kenmerk": "K-2", "bron": "Bron 2"}],
 "opdrachtgevendeOrganisatie": "517439943", "processobjectaard": "aard",
 "processobject": {"datumkenmerk": "d", "identificatie": "i", "objecttype": "o", "registratie": "r"}}'
--- error_code: 201
--- response_headers_like
Location: http://localhost/zaken/api/v1/zaken/[0-9a-f-]{36}
--- json_subset
{"identificatie": "ZAAK-2026-0000000001", "bronorganisatie": "517439943",
 "omschrijving": "Een zaak", "registratiedatum": "2026-11-02",
 "startdatum": "2026-11-01", "einddatum": null,
 "einddatumGepland": "2026-11-11", "uiterlijkeEinddatumAfdoening": "2026-12-01",
 "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
 "betalingsindicatie": "geheel",
 "betalingsindicatieWeergave": "De met de zaak gemoeide kosten zijn geheel betaald.",
 "laatsteBetaaldatum": "2026-11-04T10:00:00Z",
 "zaakgeometrie": {"type": "Point", "coordinates": [5.1, 52.1]},
 "verlenging": {"reden": "Drukte", "duur": "P5D"},
 "opschorting": {"indicatie": true, "reden": "Wachten", "eerdereOpschorting": true},
 "relevanteAndereZaken": [{"url": "https://zaken.example/zaken/1", "aardRelatie": "vervolg", "overigeRelatie": "", "toelichting": ""}],
 "gerelateerdeZaken": [{"url": "https://zaken.example/zaken/2"}],
 "kenmerken": [{"kenmerk": "K-1", "bron": "Bron 1"}, {"kenmerk": "K-2", "bron": "Bron 2"}],
 "deelzaken": [], "rollen": [], "eigenschappen": [], "zaakobjecten": [],
 "zaakinformatieobjecten": [], "status": null, "resultaat": null,
 "archiefstatus": "nog_te_archiveren", "hoofdzaak": null,
 "processobject": {"datumkenmerk": "d", "identificatie": "i", "objecttype": "o", "registratie": "r"}}
--- sql_check
SELECT kanaal, bericht->>'actie', bericht->>'resource',
       bericht->'kenmerken'->>'bronorganisatie',
       bericht->'kenmerken'->>'vertrouwelijkheidaanduiding'
  FROM zgw.notificatie
--- sql_check_out
zaken|create|zaak|517439943|zaakvertrouwelijk

=== TEST 2: identificatie: generated per year of startdatum, given ones kept, unique per bronorganisatie
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', identificatie => 'ZAAK-2025-0000000007');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
my $b = '{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943", "zaaktype": "' . OZ::Zaken::zt_url('zt1') . '"';
["POST /zaken/api/v1/zaken\n$b, \"startdatum\": \"2025-03-01\"}",
 "POST /zaken/api/v1/zaken\n$b, \"startdatum\": \"2025-03-01\", \"identificatie\": \"\"}",
 "POST /zaken/api/v1/zaken\n$b, \"startdatum\": \"2026-03-01\", \"identificatie\": \"EIGEN-1\"}",
 "POST /zaken/api/v1/zaken\n$b, \"startdatum\": \"2026-03-01\", \"identificatie\": \"EIGEN-1\"}"]
--- error_code eval
[201, 201, 201, 400]
--- json_subset eval
['{"identificatie": "ZAAK-2025-0000000008"}', '{"identificatie": "ZAAK-2025-0000000009"}',
 '{"identificatie": "EIGEN-1"}',
 '{"code": "invalid", "invalidParams": [{"name": "identificatie", "code": "identificatie-niet-uniek", "reason": "Deze identificatie (EIGEN-1) bestaat al voor deze bronorganisatie"}]}']
--- sql_check
SELECT count(*) FROM zaken.zaak
--- sql_check_out eval
["2", "3", "4", "4"]

=== TEST 3: identificatie-niet-uniek
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', identificatie => 'DUBBEL');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
'POST /zaken/api/v1/zaken
{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943",
 "zaaktype": "' . OZ::Zaken::zt_url('zt1') . '", "startdatum": "2026-01-01",
 "identificatie": "DUBBEL"}'
--- error_code: 400
--- invalid_params
identificatie identificatie-niet-uniek Deze identificatie (DUBBEL) bestaat al voor deze bronorganisatie

=== TEST 4: field errors and the rules of a zaak answered together
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
'POST /zaken/api/v1/zaken
{"bronorganisatie": "123456789", "verantwoordelijkeOrganisatie": "517439943",
 "zaaktype": "' . OZ::Zaken::zt_url('zt3') . '", "startdatum": "2026-01-01",
 "zaakgeometrie": {"type": "Punt"}}'
--- error_code: 400
--- invalid_params
bronorganisatie invalid
zaakgeometrie invalid

=== TEST 5: a concept zaaktype, products outside the zaaktype, betaling-nvt and dates in the future
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
['POST /zaken/api/v1/zaken
{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943",
 "zaaktype": "' . OZ::Zaken::zt_url('zt3') . '", "startdatum": "2026-01-01"}',
'POST /zaken/api/v1/zaken
{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943",
 "zaaktype": "' . OZ::Zaken::zt_url('zt1') . '", "startdatum": "2026-01-01",
 "productenOfDiensten": ["https://pdc.example/producten/9"],
 "betalingsindicatie": "nvt", "laatsteBetaaldatum": "2026-01-01T00:00:00Z",
 "laatstGeopend": "2999-01-01T00:00:00Z",
 "relevanteAndereZaken": [{"url": "https://zaken.example/zaken/1", "aardRelatie": "overig"}],
 "archiefstatus": "gearchiveerd"}']
--- error_code eval
[400, 400]
--- invalid_params eval
["zaaktype not-published De resource is niet gepubliceerd.",
 "productenOfDiensten invalid-products-services
laatsteBetaaldatum betaling-nvt
laatstGeopend date-in-future Deze datum mag niet in de toekomst zijn
relevanteAndereZaken.0.overigeRelatie overigerelatie-required
archiefnominatie archiefnominatie-not-set
archiefactiedatum archiefactiedatum-not-set"]
--- sql_check
SELECT count(*) FROM zaken.zaak
--- sql_check_out eval
["0", "0"]

=== TEST 6: identificatie and zaaktype cannot change (wijzigen-niet-toegelaten); other fields can
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', identificatie => 'Z-1');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
['PATCH /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001
{"identificatie": "Z-2", "zaaktype": "' . OZ::Zaken::zt_url('zt2') . '"}',
'PATCH /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001
{"identificatie": "Z-1", "zaaktype": "' . OZ::Zaken::zt_url('zt1') . '", "omschrijving": "nieuw"}']
--- error_code eval
[400, 200]
--- response_headers_like eval
['Content-Type: application/problem\+json', 'Content-Type: application/json']
--- invalid_params eval
["identificatie wijzigen-niet-toegelaten Dit veld mag niet gewijzigd worden.
zaaktype wijzigen-niet-toegelaten Dit veld mag niet gewijzigd worden.", undef]
--- json_subset eval
[undef, '{"omschrijving": "nieuw", "identificatie": "Z-1"}']

=== TEST 7: hoofdzaak: not itself, not a deelzaak, of a zaaktype that allows it
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', zaaktype => 'zt2');
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000002', zaaktype => 'zt1', hoofdzaak => '11111111-0000-4000-8000-000000000001');
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000003', zaaktype => 'zt2');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
my $z = 'http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-00000000000';
["PATCH /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000003\n{\"hoofdzaak\": \"${z}3\"}",
 "PATCH /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000003\n{\"hoofdzaak\": \"${z}2\"}",
 "PATCH /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000003\n{\"hoofdzaak\": \"${z}1\"}",
 "GET /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001"]
--- error_code eval
[400, 400, 400, 200]
--- response_headers_like eval
[('Content-Type: application/problem\+json') x 3, 'Content-Type: application/json']
--- invalid_params eval
["hoofdzaak self-forbidden", "hoofdzaak deelzaak-als-hoofdzaak",
 "hoofdzaak invalid-deelzaaktype", undef]
--- json_subset eval
[undef, undef, undef,
 '{"deelzaken": ["http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000002"]}']

=== TEST 8: lists show every zaak to heeftAlleAutorisaties
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', zaaktype => 'zt1', va => 'openbaar');
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000002', zaaktype => 'zt1', va => 'geheim');
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000003', zaaktype => 'zt2', va => 'openbaar');
--- more_headers eval
OZ::Zaken::hdr('super')
--- request
GET /zaken/api/v1/zaken
--- results_by_uuid
{"11111111-0000-4000-8000-000000000001": {}, "11111111-0000-4000-8000-000000000002": {}, "11111111-0000-4000-8000-000000000003": {}}

=== TEST 8a: lists show only the zaken of the client's zaaktypen
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', zaaktype => 'zt1', va => 'openbaar');
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000002', zaaktype => 'zt1', va => 'geheim');
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000003', zaaktype => 'zt2', va => 'openbaar');
--- more_headers eval
OZ::Zaken::hdr('lezer')
--- request
GET /zaken/api/v1/zaken
--- results_by_uuid
{"11111111-0000-4000-8000-000000000001": {}, "11111111-0000-4000-8000-000000000002": {}}

=== TEST 8b: lists show zaken only up to the client's maxVertrouwelijkheidaanduiding
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', zaaktype => 'zt1', va => 'openbaar');
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000002', zaaktype => 'zt1', va => 'geheim');
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000003', zaaktype => 'zt2', va => 'openbaar');
--- more_headers eval
OZ::Zaken::hdr('beperkt')
--- request eval
["GET /zaken/api/v1/zaken", "GET /zaken/api/v1/zaken?page=last"]
--- results_by_uuid
[{"11111111-0000-4000-8000-000000000001": {"vertrouwelijkheidaanduiding": "openbaar"}}, {"11111111-0000-4000-8000-000000000001": {}}]

=== TEST 9: a zaak the client may not see: 403 on read, update and delete; 404 when it does not exist
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', zaaktype => 'zt1', va => 'geheim');
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
["GET /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001",
 "PATCH /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001\n{\"omschrijving\": \"x\"}",
 "PUT /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001\n{\"omschrijving\": \"x\"}",
 "DELETE /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001",
 "HEAD /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001",
 "GET /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000009"]
--- error_code eval
[403, 403, 403, 403, 403, 404]
--- sql_check
SELECT omschrijving FROM zaken.zaak
--- sql_check_out eval
["", "", "", "", "", ""]

=== TEST 9a: the same zaak for a client whose autorisatie covers it
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001', zaaktype => 'zt1', va => 'geheim');
--- more_headers eval
OZ::Zaken::hdr('lezer')
--- request
GET /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001
--- error_code: 200
--- json_subset
{"vertrouwelijkheidaanduiding": "geheim"}

=== TEST 10: creating a zaak needs an autorisatie for its zaaktype covering its vertrouwelijkheidaanduiding
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
my $b = '{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943", "startdatum": "2026-01-01", "zaaktype": "';
["POST /zaken/api/v1/zaken\n$b" . OZ::Zaken::zt_url('zt1') . '", "vertrouwelijkheidaanduiding": "geheim"}',
 "POST /zaken/api/v1/zaken\n$b" . OZ::Zaken::zt_url('zt2') . '", "vertrouwelijkheidaanduiding": "openbaar"}',
 "POST /zaken/api/v1/zaken\n$b" . OZ::Zaken::zt_url('zt1') . '", "vertrouwelijkheidaanduiding": "openbaar"}',
 "POST /zaken/api/v1/zaken\n$b" . OZ::Zaken::zt_url('zt1') . '"}']
--- error_code eval
[403, 403, 201, 201]
--- sql_check
SELECT count(*) FROM zaken.zaak
--- sql_check_out eval
["0", "0", "1", "2"]

=== TEST 11: delete takes the zaak's parts and announces it
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak('11111111-0000-4000-8000-000000000001');
OZ::Zaken::sql("INSERT INTO zaken.zaakkenmerk VALUES ('11111111-0000-4000-8000-000000000001', 0, 'k', 'b')");
--- more_headers eval
OZ::Zaken::hdr('schrijver')
--- request
DELETE /zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001
--- error_code: 204
--- sql_check
SELECT (SELECT count(*) FROM zaken.zaak), (SELECT count(*) FROM zaken.zaakkenmerk),
       (SELECT bericht->>'actie' FROM zgw.notificatie)
--- sql_check_out
0|0|destroy

=== TEST 12: a client without any zaken scope gets 403 on the list
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr('catalogi')
--- request
GET /zaken/api/v1/zaken
--- error_code: 403

=== TEST 13: a zaaktype of another server is an unknown service; a bad URL is bad-url
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
my $b = '{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943", "startdatum": "2026-01-01", "zaaktype": ';
["POST /zaken/api/v1/zaken\n$b\"https://elders.example/catalogi/api/v1/zaaktypen/aaaaaaaa-2000-4000-8000-000000000001\"}",
 "POST /zaken/api/v1/zaken\n$b\"geen url\"}",
 "POST /zaken/api/v1/zaken\n$b\"http://localhost/catalogi/api/v1/zaaktypen/aaaaaaaa-2000-4000-8000-000000000009\"}"]
--- error_code eval
[400, 400, 400]
--- invalid_params eval
["zaaktype unknown-service De service voor deze URL is niet bekend.",
 "zaaktype bad-url Voer een geldige URL in.",
 "zaaktype does_not_exist"]

=== TEST 14: concurrent creates without identificatie get distinct numbers
--- init
OZ::Zaken::seed();
my $b = '{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943", "startdatum": "2026-05-01", "zaaktype": "' . OZ::Zaken::zt_url('zt1') . '"}';
my @pids;
for my $i (1 .. 8) {
    my $pid = fork;
    die "fork: $!" unless defined $pid;
    if (!$pid) {
        # oz_http sends its own Host
        (my $h = OZ::Zaken::hdr_json('super')) =~ s/^Host:.*\n//m;
        my $r = OZ::Test::oz_http('POST', '/zaken/api/v1/zaken', $h, $b);
        POSIX::_exit($r->[0] == 201 ? 0 : 1);
    }
    push @pids, $pid;
}
my $bad = 0;
for my $pid (@pids) { waitpid $pid, 0; $bad++ if $?; }
die "$bad parallel creates failed\n" if $bad;
--- more_headers eval
OZ::Zaken::hdr('super')
--- request
GET /zaken/api/v1/zaken
--- json_subset
{"count": 8}
--- sql_check
SELECT count(DISTINCT identificatie), min(identificatie), max(identificatie) FROM zaken.zaak
--- sql_check_out
8|ZAAK-2026-0000000001|ZAAK-2026-0000000008

=== TEST 15: zrc-010: communicatiekanaal and selectielijstklasse are fetched and must look like what they name
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
my $b = '{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943", "startdatum": "2026-01-01", "zaaktype": "' . OZ::Zaken::zt_url('zt1') . '", ';
my $sl = 'http://selectielijst.test/api/v1';
["POST /zaken/api/v1/zaken\n$b\"communicatiekanaal\": \"$sl/communicatiekanalen/00000000-0000-4000-8000-000000000000\", \"selectielijstklasse\": \"$sl/procestypen/b594c8d1-ea6a-4bcd-a6aa-2c7a8ad3fe5b\"}",
 "POST /zaken/api/v1/zaken\n$b\"communicatiekanaal\": \"https://elders.example/kanalen/1\"}",
 "POST /zaken/api/v1/zaken\n$b\"communicatiekanaal\": \"$sl/communicatiekanalen/46c8e9b4-1a4b-4a1f-8d2e-3f6a2b7c9d01\"}"]
--- error_code eval
[400, 400, 201]
--- response_headers_like eval
['Content-Type: application/problem\+json', 'Content-Type: application/problem\+json', 'Content-Type: application/json']
--- invalid_params eval
["communicatiekanaal bad-url
selectielijstklasse invalid-resource", "communicatiekanaal invalid-resource", undef]
--- no_error_log
[alert]
[crit]
