# Zaken API 1.5.1: rollen, a polymorphic resource (betrokkeneType selects
# the members of betrokkeneIdentificatie and authenticatieContext).
# Create and read of every betrokkeneType, list with every filter family,
# PUT (replaces the identificatie), delete, HEAD; no PATCH.  The rules of
# a rol (Z20, zrc-019): the roltype of the zaak's zaaktype and immutable,
# omschrijving copied from the roltype, one initiator per zaak, a
# betrokkene or its identificatie, BSN/RSIN 11-proef; per-object
# authorisation through the zaak.
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
our $Z3 = '11111111-0000-4000-8000-000000000003';
our @R = map { sprintf '22222222-0000-4000-8000-%012d', $_ } 0 .. 9;

my $JSON = JSON::PP->new->canonical;

sub main::rt_url { OZ::Zaken::type_url('roltypen', $_[0]) }
sub main::zaak_url { OZ::Zaken::url("zaken/$_[0]") }
sub main::rol_url { OZ::Zaken::url("rollen/$_[0]") }

# A rol body: the zaak Z1 and roltype rt1b unless given.
sub main::body {
    my (%o) = @_;
    my %b = (zaak => main::zaak_url(delete $o{z} // $Z1),
             roltype => main::rt_url(delete $o{rt} // 'rt1b'), %o);
    return $JSON->encode(\%b);
}

# A rol inserted directly, as the module would store it.
sub main::rol {
    my ($uuid, %o) = @_;
    OZ::Zaken::sql(sprintf(
        "INSERT INTO zaken.rol (uuid, zaak, betrokkene, betrokkene_type,"
        . " roltype, indicatie_machtiging, betrokkene_identificatie,"
        . " authenticatie_context) VALUES (%s, %s, %s, %s, %s, %s, %s, %s);",
        map { oz_quote($_) } $uuid, $o{zaak} // $Z1, $o{betrokkene} // '',
        $o{type} // 'natuurlijk_persoon',
        $OZ::Zaken::U{ $o{roltype} // 'rt1b' }, $o{machtiging} // '',
        defined $o{id} ? $JSON->encode($o{id}) : undef,
        defined $o{auth} ? $JSON->encode($o{auth}) : undef));
    return;
}

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi']);

run_tests();

__DATA__

=== TEST 1: create natuurlijk_persoon with every field: derived fields, defaults of every member, the notification
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
'POST /zaken/api/v1/rollen
' . main::body(rt => 'rt1i',
 betrokkene => 'https://brp.example/ingeschrevenpersonen/999990019',
 betrokkeneType => 'natuurlijk_persoon',
 afwijkendeNaamBetrokkene => 'Jan', roltoelichting => 'de aanvrager',
 indicatieMachtiging => 'gemachtigde',
 contactpersoonRol => {emailadres => 'jan@example.com', naam => 'Jan'},
 beginGeldigheid => '2026-01-01', eindeGeldigheid => '2026-12-31',
 betrokkeneIdentificatie => {inpBsn => '999990019', geslachtsnaam => 'Jansen',
   verblijfsadres => {aoaIdentificatie => 'A1', wplWoonplaatsNaam => 'Utrecht',
     gorOpenbareRuimteNaam => 'Straat', aoaHuisnummer => 12}},
 authenticatieContext => {source => 'digid',
   levelOfAssurance => 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
   representee => {identifierType => 'bsn', identifier => '999990019'},
   mandate => {services => [{id => '5628edbd-333e-460d-8a69-8f083b8cf1b8'}]}})
--- error_code: 201
--- response_headers_like
Location: http://localhost/zaken/api/v1/rollen/[0-9a-f-]{36}
--- json_subset eval
'{"zaak": "' . main::zaak_url($main::Z1) . '",
 "betrokkene": "https://brp.example/ingeschrevenpersonen/999990019",
 "betrokkeneType": "natuurlijk_persoon", "afwijkendeNaamBetrokkene": "Jan",
 "roltype": "' . main::rt_url('rt1i') . '",
 "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator",
 "roltoelichting": "de aanvrager",
 "registratiedatum": "/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$/",
 "indicatieMachtiging": "gemachtigde",
 "contactpersoonRol": {"emailadres": "jan@example.com", "functie": "", "telefoonnummer": "", "naam": "Jan"},
 "statussen": [], "beginGeldigheid": "2026-01-01", "eindeGeldigheid": "2026-12-31",
 "betrokkeneIdentificatie": {"inpBsn": "999990019", "anpIdentificatie": "",
   "inpA_nummer": "", "geslachtsnaam": "Jansen", "voorvoegselGeslachtsnaam": "",
   "voorletters": "", "voornamen": "", "geslachtsaanduiding": "",
   "geboortedatum": "",
   "verblijfsadres": {"aoaIdentificatie": "A1", "wplWoonplaatsNaam": "Utrecht",
     "gorOpenbareRuimteNaam": "Straat", "aoaPostcode": "", "aoaHuisnummer": 12,
     "aoaHuisletter": "", "aoaHuisnummertoevoeging": "", "inpLocatiebeschrijving": ""},
   "subVerblijfBuitenland": null},
 "authenticatieContext": {"source": "digid",
   "levelOfAssurance": "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
   "representee": {"identifierType": "bsn", "identifier": "999990019"},
   "mandate": {"services": [{"id": "5628edbd-333e-460d-8a69-8f083b8cf1b8"}]}}}'
--- sql_check
SELECT kanaal, bericht->>'actie', bericht->>'resource',
       bericht->>'hoofdObject' = 'http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001',
       bericht->'kenmerken'->>'bronorganisatie',
       bericht->'kenmerken'->>'vertrouwelijkheidaanduiding'
  FROM zgw.notificatie
--- sql_check_out
zaken|create|rol|t|517439943|zaakvertrouwelijk

=== TEST 2: every betrokkeneType: created, read back and listed with the members of its variant only
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'niet_natuurlijk_persoon',
   betrokkeneIdentificatie => {innNnpId => '517439943', statutaireNaam => 'BV',
     kvkNummer => '12345678'},
   authenticatieContext => {source => 'eherkenning',
     levelOfAssurance => 'urn:etoegang:core:assurance-class:loa3',
     actingSubject => 'abc'}),
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'vestiging',
   betrokkeneIdentificatie => {vestigingsNummer => '000012345678',
     handelsnaam => ['Winkel'], kvkNummer => '12345678'}),
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'organisatorische_eenheid',
   betrokkeneIdentificatie => {identificatie => 'OE1', naam => 'Afdeling'}),
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'medewerker',
   betrokkeneIdentificatie => {identificatie => 'M1', achternaam => 'Pietersen'},
   authenticatieContext => {source => 'digid'}),
 "GET /zaken/api/v1/rollen?betrokkeneType=medewerker"]
--- error_code eval
[201, 201, 201, 201, 200]
--- json_subset eval
['{"betrokkeneType": "niet_natuurlijk_persoon", "omschrijving": "Behandelaar",
   "omschrijvingGeneriek": "behandelaar", "contactpersoonRol": null,
   "betrokkeneIdentificatie": {"innNnpId": "517439943", "annIdentificatie": "",
     "statutaireNaam": "BV", "innRechtsvorm": "", "bezoekadres": "",
     "subVerblijfBuitenland": null, "kvkNummer": "12345678", "vestigingsNummer": ""},
   "authenticatieContext": {"source": "eherkenning",
     "levelOfAssurance": "urn:etoegang:core:assurance-class:loa3",
     "representee": null, "actingSubject": "abc", "mandate": null}}',
 '{"betrokkeneType": "vestiging",
   "betrokkeneIdentificatie": {"vestigingsNummer": "000012345678",
     "handelsnaam": ["Winkel"], "verblijfsadres": null,
     "subVerblijfBuitenland": null, "kvkNummer": "12345678"},
   "authenticatieContext": null}',
 '{"betrokkeneType": "organisatorische_eenheid",
   "betrokkeneIdentificatie": {"identificatie": "OE1", "naam": "Afdeling",
     "isGehuisvestIn": ""}}',
 '{"betrokkeneType": "medewerker",
   "betrokkeneIdentificatie": {"identificatie": "M1", "achternaam": "Pietersen",
     "voorletters": "", "voorvoegselAchternaam": ""}}',
 '{"count": 1, "results": [{"betrokkeneType": "medewerker",
   "betrokkeneIdentificatie": {"identificatie": "M1", "achternaam": "Pietersen",
     "voorletters": "", "voorvoegselAchternaam": ""}}]}']
--- json_absent eval
[undef, undef, 'authenticatieContext',
 'authenticatieContext', undef]
--- sql_check
SELECT betrokkene_type, authenticatie_context IS NULL FROM zaken.rol ORDER BY id
--- sql_check_out eval
["niet_natuurlijk_persoon|f",
 "niet_natuurlijk_persoon|f\nvestiging|t",
 "niet_natuurlijk_persoon|f\nvestiging|t\norganisatorische_eenheid|t",
 "niet_natuurlijk_persoon|f\nvestiging|t\norganisatorische_eenheid|t\nmedewerker|t",
 "niet_natuurlijk_persoon|f\nvestiging|t\norganisatorische_eenheid|t\nmedewerker|t"]

=== TEST 3: a betrokkene URL alone: no identificatie (null); an empty contactpersoonRol is null
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
'POST /zaken/api/v1/rollen
' . main::body(betrokkeneType => 'natuurlijk_persoon',
  betrokkene => 'https://brp.example/ingeschrevenpersonen/1',
  contactpersoonRol => {naam => '', functie => ''})
--- error_code: 201
--- json_subset
{"betrokkeneIdentificatie": null, "authenticatieContext": null,
 "contactpersoonRol": null, "indicatieMachtiging": "", "roltoelichting": "",
 "afwijkendeNaamBetrokkene": "", "beginGeldigheid": null}

=== TEST 4: field errors of the base; those of the variant once the base is valid (DRF's polymorphic serializer); a roltype that does not exist
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/rollen\n"
 . '{"betrokkeneType": "persoon", "indicatieMachtiging": "eigen",
     "contactpersoonRol": {"emailadres": "geen-adres"},
     "betrokkeneIdentificatie": {"inpBsn": "12345678A"}}',
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'natuurlijk_persoon',
   roltype => 'http://localhost/catalogi/api/v1/roltypen/00000000-0000-4000-8000-000000000000',
   betrokkeneIdentificatie => {inpBsn => '999990019'}),
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'natuurlijk_persoon',
   betrokkeneIdentificatie => {inpBsn => '123456789', inpA_nummer => '0123456789',
     geslachtsaanduiding => 'x', verblijfsadres => {aoaHuisnummer => 'een'}},
   authenticatieContext => {source => 'eherkenning', levelOfAssurance => 'hoog',
     representee => {identifierType => 'kvkNummer', identifier => '12345678A'}}),
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'niet_natuurlijk_persoon',
   betrokkeneIdentificatie => {innNnpId => '123456789', innRechtsvorm => 'bv',
     kvkNummer => '123456789'}),
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'natuurlijk_persoon',
   betrokkeneIdentificatie => {inpBsn => '', inpA_nummer => '1234567890'},
   betrokkene => 'geen url')]
--- error_code eval
[400, 400, 400, 400, 400]
--- invalid_params eval
["zaak required
  roltype required
  betrokkeneType invalid_choice
  indicatieMachtiging invalid_choice
  contactpersoonRol.naam required
  contactpersoonRol.emailadres invalid",
 "roltype does_not_exist",
 "betrokkeneIdentificatie.inpBsn invalid
  betrokkeneIdentificatie.inpA_nummer a-nummer-incorrect-format inpA_nummer must consist of 10 digits, and begin with a non-zero
  betrokkeneIdentificatie.geslachtsaanduiding invalid_choice
  betrokkeneIdentificatie.verblijfsadres.aoaIdentificatie required
  betrokkeneIdentificatie.verblijfsadres.wplWoonplaatsNaam required
  betrokkeneIdentificatie.verblijfsadres.gorOpenbareRuimteNaam required
  betrokkeneIdentificatie.verblijfsadres.aoaHuisnummer invalid
  authenticatieContext.source invalid_choice
  authenticatieContext.levelOfAssurance invalid_choice
  authenticatieContext.representee.identifierType invalid_choice
  authenticatieContext.representee.identifier only-digits",
 "betrokkeneIdentificatie.innNnpId invalid
  betrokkeneIdentificatie.innRechtsvorm invalid_choice
  betrokkeneIdentificatie.kvkNummer max_length",
 "betrokkene invalid"]

=== TEST 5: the rules of a rol, answered together: a roltype of another zaaktype, a second initiator, no betrokkene, einde before begin
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::rol($main::R[1], roltype => 'rt1i', betrokkene => 'https://brp.example/1');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/rollen\n" . main::body(rt => 'rt2b', betrokkeneType => 'medewerker',
   beginGeldigheid => '2026-02-01', eindeGeldigheid => '2026-01-01'),
 "POST /zaken/api/v1/rollen\n" . main::body(rt => 'rt1i', betrokkeneType => 'medewerker',
   betrokkene => 'https://medewerkers.example/2'),
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'natuurlijk_persoon',
   betrokkene => 'https://brp.example/3',
   authenticatieContext => {source => 'digid',
     levelOfAssurance => 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
     representee => {identifierType => 'bsn', identifier => '999990019'}}),
 "POST /zaken/api/v1/rollen\n" . main::body(rt => 'rt1i', betrokkeneType => 'medewerker',
   betrokkene => 'https://medewerkers.example/2', z => $main::Z2)]
--- error_code eval
[400, 400, 400, 400]
--- invalid_params eval
["nonFieldErrors zaaktype-mismatch De referentie hoort niet bij het zaaktype van de zaak.
  nonFieldErrors invalid-betrokkene betrokkene or betrokkeneIdentificatie must be provided
  eindeGeldigheid einde-geldigheid-before-begin-geldigheid",
 "roltype max-occurences De waarde `initiator` komt al 1 keer voor",
 "nonFieldErrors indicatie-machtiging-invalid
  authenticatieContext.mandate required",
 "zaak does_not_exist"]
--- sql_check
SELECT count(*) FROM zaken.rol
--- sql_check_out eval
["1", "1", "1", "1"]

=== TEST 6: rollen of different zaken and roltypen: a second behandelaar is fine, an initiator on another zaak too
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, zaaktype => 'zt2');
main::rol($main::R[1], roltype => 'rt1i', betrokkene => 'https://brp.example/1');
main::rol($main::R[2], roltype => 'rt1b', betrokkene => 'https://brp.example/2');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'medewerker',
   betrokkene => 'https://medewerkers.example/2'),
 "POST /zaken/api/v1/rollen\n" . main::body(rt => 'rt2i', z => $main::Z2,
   betrokkeneType => 'medewerker', betrokkene => 'https://medewerkers.example/2')]
--- error_code eval
[201, 201]
--- json_subset eval
['{"omschrijving": "Behandelaar", "omschrijvingGeneriek": "behandelaar"}',
 '{"omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"}']

=== TEST 7: list: every filter, each alone
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, zaaktype => 'zt2');
main::rol($main::R[1], roltype => 'rt1i', betrokkene => 'https://brp.example/1',
  machtiging => 'gemachtigde',
  id => {inpBsn => '999990019', anpIdentificatie => 'ANP1', inpA_nummer => '1234567890'},
  auth => {source => 'digid', levelOfAssurance => 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract'});
main::rol($main::R[2], type => 'niet_natuurlijk_persoon', machtiging => 'machtiginggever',
  id => {innNnpId => '517439943', annIdentificatie => 'ANN1', kvkNummer => '11111111', vestigingsNummer => '000011111111'},
  auth => {source => 'eherkenning', levelOfAssurance => 'urn:etoegang:core:assurance-class:loa2'});
main::rol($main::R[3], type => 'vestiging',
  id => {kvkNummer => '22222222', vestigingsNummer => '000022222222'},
  auth => {source => 'eherkenning', levelOfAssurance => 'urn:etoegang:core:assurance-class:loa4'});
main::rol($main::R[4], type => 'organisatorische_eenheid', zaak => $main::Z2, roltype => 'rt2b',
  id => {identificatie => 'OE1'});
main::rol($main::R[5], type => 'medewerker', zaak => $main::Z2, roltype => 'rt2i',
  id => {identificatie => 'M1'});
main::rol($main::R[6], type => 'natuurlijk_persoon', id => {inpBsn => '111222333'});
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
[map { "GET /zaken/api/v1/rollen?$_" }
 'betrokkene=https://brp.example/1',
 'betrokkeneType=vestiging',
 'machtiging=eigen', 'machtiging=gemachtigde', 'machtiging=machtiginggever',
 'machtiging__loa=urn:etoegang:core:assurance-class:loa3',
 'machtiging__loa=urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
 'omschrijving=Aanvrager', 'omschrijvingGeneriek=initiator',
 'roltype=' . main::rt_url('rt2b'), 'zaak=' . main::zaak_url($main::Z2),
 'betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999990019',
 'betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie=ANP1',
 'betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer=1234567890',
 'betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=517439943',
 'betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie=ANN1',
 'betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=11111111',
 'betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer=000011111111',
 'betrokkeneIdentificatie__vestiging__kvkNummer=22222222',
 'betrokkeneIdentificatie__vestiging__kvkNummer=11111111',
 'betrokkeneIdentificatie__vestiging__vestigingsNummer=000022222222',
 'betrokkeneIdentificatie__organisatorischeEenheid__identificatie=OE1',
 'betrokkeneIdentificatie__medewerker__identificatie=M1',
 'betrokkeneIdentificatie__medewerker__identificatie=OE1',
 'betrokkeneType=natuurlijk_persoon&zaak=' . main::zaak_url($main::Z1)]
--- error_code eval
[(200) x 25]
--- results_by_uuid eval
my @w = ([1], [3], [3, 4, 5, 6], [1], [2], [2], [], [1, 5], [1, 5], [4], [4, 5],
         [1], [1], [1], [2], [2], [2], [2], [3], [], [3], [4], [5], [], [1, 6]);
'[' . CORE::join(",\n", map { '{' . CORE::join(', ', map { "\"$main::R[$_]\": {\"url\": \"" . main::rol_url($main::R[$_]) . '"}' } @$_) . '}' } @w) . ']'

=== TEST 8: list: bad filter values
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/rollen?betrokkeneType=persoon",
 "GET /zaken/api/v1/rollen?machtiging=niemand",
 "GET /zaken/api/v1/rollen?machtiging__loa=hoog"]
--- error_code eval
[400, 400, 400]
--- invalid_params eval
["betrokkeneType invalid_choice", "machtiging invalid_choice",
 "machtiging__loa invalid_choice"]

=== TEST 9: list: pagination
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::rol($main::R[$_], betrokkene => "https://brp.example/$_") for 1 .. 3;
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/rollen?page=1", "GET /zaken/api/v1/rollen?page=2"]
--- error_code eval
[200, 404]
--- json_subset eval
['{"count": 3, "next": null, "previous": null}', undef]

=== TEST 10: PUT replaces the rol with its identificatie; no PATCH
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::rol($main::R[1], roltype => 'rt1b', id => {inpBsn => '999990019'},
  auth => {source => 'digid', levelOfAssurance => 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard'});
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["PUT /zaken/api/v1/rollen/$main::R[1]\n" . main::body(betrokkeneType => 'medewerker',
   betrokkeneIdentificatie => {identificatie => 'M9'}),
 "GET /zaken/api/v1/rollen/$main::R[1]",
 "PUT /zaken/api/v1/rollen/$main::R[1]\n" . main::body(betrokkeneType => 'natuurlijk_persoon',
   betrokkene => 'https://brp.example/9'),
 "PATCH /zaken/api/v1/rollen/$main::R[1]\n{\"roltoelichting\": \"x\"}",
 "PUT /zaken/api/v1/rollen/$main::R[9]\n" . main::body(betrokkeneType => 'medewerker',
   betrokkene => 'https://medewerkers.example/1')]
--- error_code eval
[200, 200, 200, 405, 404]
--- json_subset eval
['{"betrokkeneType": "medewerker", "betrokkeneIdentificatie": {"identificatie": "M9", "achternaam": "", "voorletters": "", "voorvoegselAchternaam": ""}}',
 '{"betrokkeneType": "medewerker", "betrokkeneIdentificatie": {"identificatie": "M9", "achternaam": "", "voorletters": "", "voorvoegselAchternaam": ""}}',
 '{"betrokkeneType": "natuurlijk_persoon", "betrokkene": "https://brp.example/9", "betrokkeneIdentificatie": null, "authenticatieContext": null}',
 undef, undef]
--- json_absent eval
['authenticatieContext', 'authenticatieContext', undef, undef, undef]
--- sql_check
SELECT bericht->>'actie', bericht->>'resource' FROM zgw.notificatie ORDER BY id
--- sql_check_out eval
["update|rol", "update|rol", "update|rol\nupdate|rol",
 "update|rol\nupdate|rol", "update|rol\nupdate|rol"]

=== TEST 11: PUT: the roltype and the zaak may not change
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z3);
main::rol($main::R[1], roltype => 'rt1b', betrokkene => 'https://brp.example/1');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"PUT /zaken/api/v1/rollen/$main::R[1]\n" . main::body(rt => 'rt1i', z => $main::Z3,
   betrokkeneType => 'natuurlijk_persoon', betrokkene => 'https://brp.example/9')
--- error_code: 400
--- invalid_params
roltype wijzigen-niet-toegelaten
zaak wijzigen-niet-toegelaten

=== TEST 12: the statussen a rol set; HEAD; delete
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::rol($main::R[1], betrokkene => 'https://brp.example/1');
OZ::Zaken::sql("INSERT INTO zaken.status (uuid, zaak, statustype, datum_status_gezet, gezetdoor) VALUES ('33333333-0000-4000-8000-000000000001', '$main::Z1', '$OZ::Zaken::U{st1a}', '2026-01-02T10:00:00Z', '$main::R[1]')");
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/rollen/$main::R[1]",
 "HEAD /zaken/api/v1/rollen/$main::R[1]",
 "DELETE /zaken/api/v1/rollen/$main::R[1]",
 "GET /zaken/api/v1/rollen/$main::R[1]",
 "DELETE /zaken/api/v1/rollen/$main::R[1]"]
--- error_code eval
[200, 200, 204, 404, 404]
--- json_subset eval
['{"statussen": ["http://localhost/zaken/api/v1/statussen/33333333-0000-4000-8000-000000000001"]}',
 undef, undef, undef, undef]
--- sql_check
SELECT count(*), (SELECT bericht->>'actie' || ' ' || (bericht->>'hoofdObject') FROM zgw.notificatie) FROM zaken.rol
--- sql_check_out eval
["1|", "1|", "0|destroy http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001",
 "0|destroy http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001",
 "0|destroy http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001"]

=== TEST 13: authorisation through the zaak: the list hides the rollen of a zaak the client may not see
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, va => 'openbaar');
main::rol($main::R[1], betrokkene => 'https://brp.example/1');
main::rol($main::R[2], zaak => $main::Z2, betrokkene => 'https://brp.example/2');
--- more_headers eval
OZ::Zaken::hdr('beperkt')
--- request
GET /zaken/api/v1/rollen
--- results_by_uuid eval
'{"' . $main::R[2] . '": {"betrokkene": "https://brp.example/2"}}'

=== TEST 14: authorisation through the zaak: 403 on detail, create, update and delete
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, va => 'openbaar');
main::rol($main::R[1], betrokkene => 'https://brp.example/1');
main::rol($main::R[2], zaak => $main::Z2, betrokkene => 'https://brp.example/2');
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
["GET /zaken/api/v1/rollen/$main::R[1]",
 "GET /zaken/api/v1/rollen/$main::R[2]",
 "POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'medewerker',
   betrokkene => 'https://medewerkers.example/1'),
 "POST /zaken/api/v1/rollen\n" . main::body(z => $main::Z2, betrokkeneType => 'medewerker',
   betrokkene => 'https://medewerkers.example/1'),
 "PUT /zaken/api/v1/rollen/$main::R[1]\n" . main::body(betrokkeneType => 'medewerker',
   betrokkene => 'https://medewerkers.example/1'),
 "DELETE /zaken/api/v1/rollen/$main::R[1]"]
--- error_code eval
[403, 200, 403, 201, 403, 403]
--- sql_check
SELECT count(*) FROM zaken.rol
--- sql_check_out eval
["2", "2", "2", "3", "3", "3"]

=== TEST 15: scopes: no zaken scope at all
--- init
OZ::Zaken::seed();
--- more_headers eval
OZ::Zaken::hdr('catalogi')
--- request
GET /zaken/api/v1/rollen
--- error_code: 403

=== TEST 16: scopes: zaken.lezen alone may not write
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
main::rol($main::R[1], betrokkene => 'https://brp.example/1');
--- more_headers eval
OZ::Zaken::hdr_json('lezer')
--- request eval
["POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'medewerker', betrokkene => 'https://m.example/1'),
 "DELETE /zaken/api/v1/rollen/$main::R[1]",
 "GET /zaken/api/v1/rollen/$main::R[1]"]
--- error_code eval
[403, 403, 200]

=== TEST 17: scopes: zaken.aanmaken does not create a rol
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('aanmaker')
--- request eval
"POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'medewerker', betrokkene => 'https://m.example/1')
--- error_code: 403

=== TEST 18: scopes: zaken.bijwerken creates a rol
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('schrijver')
--- request eval
"POST /zaken/api/v1/rollen\n" . main::body(betrokkeneType => 'medewerker', betrokkene => 'https://m.example/1')
--- error_code: 201
