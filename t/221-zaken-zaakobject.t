# Zaken API 1.5.1: zaakobjecten, a polymorphic resource (objectType
# selects the members of objectIdentificatie; besluit,
# enkelvoudig_document and status have none, overige has overigeData).
# Create and read of a representative set of object types, list filters,
# update, partial update, delete.  The rules (Z23): an object URL or an
# objectIdentificatie, objectTypeOverige exactly for "overige", the
# zaakobjecttype of the zaak's zaaktype, immutable zaak, object,
# objectType and zaakobjecttype; per-object authorisation through the
# zaak.
#
# Fixtures and clients: t/lib/OZ/Zaken.pm.  Sections invalid_params and
# results_by_uuid: t/lib/OZ/Checks.pm.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::Checks;
use OZ::Zaken;
use JSON::PP ();

our $Z1 = '11111111-0000-4000-8000-000000000001';
our $Z2 = '11111111-0000-4000-8000-000000000002';
our @O = map { sprintf '44444444-0000-4000-8000-%012d', $_ } 0 .. 9;

my $JSON = JSON::PP->new->canonical;

sub main::zaak_url { OZ::Zaken::url("zaken/$_[0]") }
sub main::zo_url { OZ::Zaken::url("zaakobjecten/$_[0]") }
sub main::zot_url { OZ::Zaken::type_url('zaakobjecttypen', $_[0]) }

# A zaakobject body: the zaak Z1 unless given.
sub main::body {
    my (%o) = @_;
    my %b = (zaak => main::zaak_url(delete $o{z} // $Z1), %o);
    return $JSON->encode(\%b);
}

# A zaakobject inserted directly.
sub main::zo {
    my ($uuid, %o) = @_;
    OZ::Zaken::sql(sprintf(
        "INSERT INTO zaken.zaakobject (uuid, zaak, object, object_type,"
        . " object_identificatie) VALUES (%s, %s, %s, %s, %s);",
        map { oz_quote($_) } $uuid, $o{zaak} // $Z1, $o{object} // '',
        $o{type} // 'pand',
        defined $o{id} ? $JSON->encode($o{id}) : undef));
    return;
}

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi']);

run_tests();

__DATA__

=== TEST 1: create an adres with every field: the members of its variant with their defaults, the notification, the zaak's zaakobjecten
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaakobjecten\n" . main::body(
  object => 'https://bag.example/adressen/1', objectType => 'adres',
  zaakobjecttype => main::zot_url('zot1'), relatieomschrijving => 'woont hier',
  objectIdentificatie => {identificatie => 'A1', wplWoonplaatsNaam => 'Utrecht',
    gorOpenbareRuimteNaam => 'Straat', huisnummer => 12}),
 "GET /zaken/api/v1/zaken/$main::Z1"]
--- error_code eval
[201, 200]
--- json_subset eval
['{"zaak": "' . main::zaak_url($main::Z1) . '",
  "object": "https://bag.example/adressen/1",
  "zaakobjecttype": "' . main::zot_url('zot1') . '", "objectType": "adres",
  "objectTypeOverige": "", "objectTypeOverigeDefinitie": null,
  "relatieomschrijving": "woont hier",
  "objectIdentificatie": {"identificatie": "A1", "wplWoonplaatsNaam": "Utrecht",
    "gorOpenbareRuimteNaam": "Straat", "huisnummer": 12, "huisletter": "",
    "huisnummertoevoeging": "", "postcode": ""}}',
 '{"zaakobjecten": ["/^http://localhost/zaken/api/v1/zaakobjecten/[0-9a-f-]{36}$/"]}']
--- sql_check
SELECT bericht->>'actie', bericht->>'resource',
       bericht->>'hoofdObject' = 'http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001',
       bericht->'kenmerken'->>'bronorganisatie'
  FROM zgw.notificatie
--- sql_check_out eval
["create|zaakobject|t|517439943", "create|zaakobject|t|517439943"]

=== TEST 2: a representative set of object types: pand, woz_waarde, zakelijk_recht (nested defaults), natuurlijk_persoon and medewerker (the identificaties of rol), overige, besluit without identificatie
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
[map { "POST /zaken/api/v1/zaakobjecten\n" . main::body(%$_) }
 {objectType => 'pand', objectIdentificatie => {identificatie => 'P1'}},
 {objectType => 'woz_waarde', objectIdentificatie => {waardepeildatum => '20260101'}},
 {objectType => 'zakelijk_recht', objectIdentificatie => {identificatie => 'ZR1', avgAard => 'eigendom'}},
 {objectType => 'natuurlijk_persoon', objectIdentificatie => {inpBsn => '999990019'}},
 {objectType => 'medewerker', objectIdentificatie => {identificatie => 'M1'}},
 {objectType => 'overige', objectTypeOverige => 'boom',
  objectIdentificatie => {overigeData => {soort => 'eik', hoogte => 12, takken => [1, 2]}}},
 {objectType => 'besluit', object => 'https://besluiten.example/besluiten/1'}]
--- error_code eval
[(201) x 7]
--- json_subset eval
['{"objectType": "pand", "objectIdentificatie": {"identificatie": "P1"}}',
 '{"objectType": "woz_waarde", "objectIdentificatie": {"waardepeildatum": "20260101", "isVoor": {"wozObjectNummer": "", "aanduidingWozObject": null}}}',
 '{"objectType": "zakelijk_recht", "objectIdentificatie": {"identificatie": "ZR1", "avgAard": "eigendom",
   "heeftBetrekkingOp": {"kadastraleIdentificatie": "", "kadastraleAanduiding": ""},
   "heeftAlsGerechtigde": {"natuurlijkPersoon": null, "nietNatuurlijkPersoon": null}}}',
 '{"objectType": "natuurlijk_persoon", "objectIdentificatie": {"inpBsn": "999990019", "anpIdentificatie": "",
   "inpA_nummer": "", "geslachtsnaam": "", "voorvoegselGeslachtsnaam": "", "voorletters": "",
   "voornamen": "", "geslachtsaanduiding": "", "geboortedatum": "", "verblijfsadres": null,
   "subVerblijfBuitenland": null}}',
 '{"objectType": "medewerker", "objectIdentificatie": {"identificatie": "M1", "achternaam": "",
   "voorletters": "", "voorvoegselAchternaam": ""}}',
 '{"objectType": "overige", "objectTypeOverige": "boom",
   "objectIdentificatie": {"overigeData": {"soort": "eik", "hoogte": 12, "takken": [1, 2]}}}',
 '{"objectType": "besluit", "object": "https://besluiten.example/besluiten/1"}']
--- json_absent eval
[undef, undef, undef, undef, undef, undef, 'objectIdentificatie']

=== TEST 3: read and list render the variant of each row
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::zo($main::O[1], type => 'pand', id => {identificatie => 'P1'});
main::zo($main::O[2], type => 'status', object => 'https://zaken.example/statussen/1', id => {identificatie => 'verborgen'});
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaakobjecten/$main::O[1]", "GET /zaken/api/v1/zaakobjecten/$main::O[2]",
 "GET /zaken/api/v1/zaakobjecten"]
--- error_code eval
[200, 200, 200]
--- json_subset eval
['{"objectIdentificatie": {"identificatie": "P1"}}',
 '{"objectType": "status", "object": "https://zaken.example/statussen/1"}',
 '{"count": 2, "results": [{"objectIdentificatie": {"identificatie": "P1"}}, {"objectType": "status"}]}']
--- json_absent eval
[undef, 'objectIdentificatie', 'results.1.objectIdentificatie']

=== TEST 4: field errors; the variant's once the base is valid
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaakobjecten\n" . '{"objectType": "boom", "objectTypeOverige": "BOOM!",
   "objectIdentificatie": {"huisnummer": "een"}}',
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'adres',
   objectIdentificatie => {huisnummer => 100000, postcode => '12345678'}),
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'adres',
   objectIdentificatie => 'Straat 1'),
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'overige',
   objectTypeOverigeDefinitie => {url => 'geen url'},
   objectIdentificatie => {}),
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'overige',
   objectTypeOverige => 'boom', objectIdentificatie => {}),
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'natuurlijk_persoon',
   objectIdentificatie => {inpBsn => '123456789'})]
--- error_code eval
[400, 400, 400, 400, 400, 400]
--- invalid_params eval
["zaak required
  objectType invalid_choice
  objectTypeOverige invalid",
 "objectIdentificatie.wplWoonplaatsNaam required
  objectIdentificatie.gorOpenbareRuimteNaam required
  objectIdentificatie.huisnummer max_value
  objectIdentificatie.postcode max_length",
 "objectIdentificatie.nonFieldErrors invalid",
 "objectTypeOverigeDefinitie.url invalid
  objectTypeOverigeDefinitie.schema required
  objectTypeOverigeDefinitie.objectData required",
 "objectIdentificatie.overigeData required",
 "objectIdentificatie.inpBsn invalid"]

=== TEST 5: the rules of a zaakobject, answered together
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'overige',
   zaakobjecttype => main::zot_url('zot2')),
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'pand',
   objectTypeOverige => 'boom', object => 'https://bag.example/panden/1'),
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'besluit')]
--- error_code eval
[400, 400, 400]
--- invalid_params eval
['nonFieldErrors zaaktype-mismatch De referentie hoort niet bij het zaaktype van de zaak.
  nonFieldErrors invalid-zaakobject Je moet een object-url of objectIdentificatie opgeven
  nonFieldErrors missing-object-type-overige',
 'nonFieldErrors invalid-object-type-overige-usage',
 'nonFieldErrors invalid-zaakobject Je moet een object-url of objectIdentificatie opgeven',
 undef]

=== TEST 6: PUT and PATCH: the identificatie of the variant changes; zaak, object, objectType and zaakobjecttype may not
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::zo($main::O[1], type => 'pand', id => {identificatie => 'P1'});
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["PATCH /zaken/api/v1/zaakobjecten/$main::O[1]\n" . '{"relatieomschrijving": "gewijzigd"}',
 "PATCH /zaken/api/v1/zaakobjecten/$main::O[1]\n" . '{"objectType": "pand", "objectIdentificatie": {"identificatie": "P2"}}',
 "PUT /zaken/api/v1/zaakobjecten/$main::O[1]\n" . main::body(objectType => 'pand',
   objectIdentificatie => {identificatie => 'P3'}),
 "GET /zaken/api/v1/zaakobjecten/$main::O[1]"]
--- error_code eval
[200, 200, 200, 200]
--- json_subset eval
['{"relatieomschrijving": "gewijzigd", "objectIdentificatie": {"identificatie": "P1"}}',
 '{"relatieomschrijving": "gewijzigd", "objectIdentificatie": {"identificatie": "P2"}}',
 '{"relatieomschrijving": "gewijzigd", "objectIdentificatie": {"identificatie": "P3"}}',
 '{"relatieomschrijving": "gewijzigd", "objectIdentificatie": {"identificatie": "P3"}}']
--- sql_check
SELECT string_agg(bericht->>'actie', ' ' ORDER BY id) FROM zgw.notificatie
--- sql_check_out eval
["partial_update", "partial_update partial_update",
 "partial_update partial_update update", "partial_update partial_update update"]

=== TEST 7: immutable fields
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2);
main::zo($main::O[1], type => 'pand', object => 'https://bag.example/panden/1');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"PATCH /zaken/api/v1/zaakobjecten/$main::O[1]\n"
. '{"zaak": "' . main::zaak_url($main::Z2) . '", "object": "https://bag.example/panden/2",
    "objectType": "adres", "zaakobjecttype": "' . main::zot_url('zot1') . '"}'
--- error_code: 400
--- invalid_params
zaak wijzigen-niet-toegelaten
object wijzigen-niet-toegelaten
objectType wijzigen-niet-toegelaten
zaakobjecttype wijzigen-niet-toegelaten

=== TEST 8: list filters
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, zaaktype => 'zt2');
main::zo($main::O[1], type => 'pand', object => 'https://bag.example/panden/1');
main::zo($main::O[2], type => 'adres', object => 'https://bag.example/adressen/1');
main::zo($main::O[3], type => 'pand', zaak => $main::Z2, object => 'https://bag.example/panden/2');
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
[map { "GET /zaken/api/v1/zaakobjecten?$_" }
 'object=https://bag.example/panden/1', 'objectType=pand',
 'zaak=' . main::zaak_url($main::Z2), 'objectType=pand&zaak=' . main::zaak_url($main::Z1),
 'object=https://bag.example/panden/9']
--- error_code eval
[(200) x 5]
--- results_by_uuid eval
my $r = sub { '"' . $main::O[$_[0]] . '": {"url": "' . main::zo_url($main::O[$_[0]]) . '"}' };
'[{' . $r->(1) . '}, {' . $r->(1) . ', ' . $r->(3) . '}, {' . $r->(3) . '}, {' . $r->(1) . '}, {}]'

=== TEST 9: a bad filter value
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request
GET /zaken/api/v1/zaakobjecten?objectType=boom
--- error_code: 400
--- invalid_params
objectType invalid_choice

=== TEST 10: delete; no HEAD documented; what is gone is 404
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::zo($main::O[1], type => 'pand', object => 'https://bag.example/panden/1');
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["DELETE /zaken/api/v1/zaakobjecten/$main::O[1]", "GET /zaken/api/v1/zaakobjecten/$main::O[1]"]
--- error_code eval
[204, 404]
--- sql_check
SELECT count(*), (SELECT bericht->>'actie' FROM zgw.notificatie) FROM zaken.zaakobject
--- sql_check_out eval
["0|destroy", "0|destroy"]

=== TEST 11: authorisation through the zaak: the list hides what the client may not see
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, va => 'openbaar');
main::zo($main::O[1], object => 'https://bag.example/panden/1');
main::zo($main::O[2], zaak => $main::Z2, object => 'https://bag.example/panden/2');
--- more_headers eval
OZ::Zaken::hdr('beperkt')
--- request
GET /zaken/api/v1/zaakobjecten
--- results_by_uuid eval
'{"' . $main::O[2] . '": {"object": "https://bag.example/panden/2"}}'

=== TEST 12: authorisation through the zaak: 403 on detail and writes
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, va => 'openbaar');
main::zo($main::O[1], object => 'https://bag.example/panden/1');
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
["GET /zaken/api/v1/zaakobjecten/$main::O[1]",
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'pand', object => 'https://bag.example/panden/3'),
 "PATCH /zaken/api/v1/zaakobjecten/$main::O[1]\n" . '{"relatieomschrijving": "x"}',
 "DELETE /zaken/api/v1/zaakobjecten/$main::O[1]",
 "POST /zaken/api/v1/zaakobjecten\n" . main::body(z => $main::Z2, objectType => 'pand', object => 'https://bag.example/panden/3')]
--- error_code eval
[403, 403, 403, 403, 201]

=== TEST 13: scopes: zaken.aanmaken creates a zaakobject but does not change or delete one
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::zo($main::O[1], object => 'https://bag.example/panden/1');
--- more_headers eval
OZ::Zaken::hdr_json('aanmaker')
--- request eval
["POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'pand', object => 'https://bag.example/panden/3'),
 "PATCH /zaken/api/v1/zaakobjecten/$main::O[1]\n" . '{"relatieomschrijving": "x"}',
 "DELETE /zaken/api/v1/zaakobjecten/$main::O[1]"]
--- error_code eval
[201, 403, 403]

=== TEST 14: scopes: zaken.lezen alone may not create
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('lezer')
--- request eval
"POST /zaken/api/v1/zaakobjecten\n" . main::body(objectType => 'pand', object => 'https://bag.example/panden/3')
--- error_code: 403
