# Zaken API 1.5.1: the filters of GET /zaken (ZGW-INVENTORY 1.1, every
# query parameter of the OAS) and "ordering".  Each filter at least once
# with a value that matches and one that does not, the bad values with
# Open Zaak's codes (django-filter's form errors, ERROR-CODES 2.x), the
# conditions on the parts of a zaak (rollen, status, resultaat,
# kenmerken) and the ordering on each of its fields in both directions.
#
# Fixtures (main::fixtures()): OZ::Zaken::seed() and three zaken
#   Z1  ZT1 openbaar           start 2026-01-01, no einddatum,
#       ZAAK-A1, bron 517439943, archief vernietigen/nog_te_archiveren,
#       actiedatum 2030-01-01, kenmerk bronA:k1, status st1a, rollen:
#       natuurlijk_persoon initiator (bsn 111222333, anp A1, a-nummer
#       1234567890, machtiging gemachtigde, loa DigiD Midden),
#       medewerker behandelaar (identificatie mw1)
#   Z2  ZT2 geheim             start 2026-02-01, einddatum 2026-02-15,
#       ZAAK-B2, bron 100000009, blijvend_bewaren/gearchiveerd, no
#       actiedatum, status st2b, resultaat res2, rollen:
#       niet_natuurlijk_persoon belanghebbende (innNnpId 123456782, ann N2,
#       kvk 12345678, vestigingsNummer 000012345678), vestiging
#       (vestigingsNummer 111, kvk 87654321), organisatorische_eenheid
#       (identificatie oe1, machtiging machtiginggever, loa eH loa4)
#   Z3  ZT1 zaakvertrouwelijk  start 2026-03-01, einddatum 2026-03-10,
#       ZAAK-C3, bron 517439943, actiedatum 2031-01-01, overgedragen,
#       kenmerk bronB:k3, a rol with betrokkene URL and no machtiging
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::Checks;
use OZ::Zaken;

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi']);

use OZ::ZakenSet;

# the shared zaken of t/lib/OZ/ZakenSet.pm
our %Z = %OZ::ZakenSet::Z;
sub main::zaak_sql { OZ::ZakenSet::zaak_sql(@_) }
sub main::fixtures { OZ::ZakenSet::load() }

# GET /zaken?QUERY for each query: the results (order free) as the list
# of the zaken keys expected
sub main::gets {
    my (@cases) = @_;
    my (@req, @want);
    while (my ($query, $keys) = splice @cases, 0, 2) {
        push @req, "GET /zaken/api/v1/zaken?$query";
        push @want, '{' . join(',', map { "\"$Z{$_}\":{}" } @$keys) . '}';
    }
    return (\@req, '[' . join(',', @want) . ']');
}

# a response_body_like per list of zaken keys: the page holds exactly
# these zaken, in this order (no other "uuid" member: only a zaak has
# one); COUNT, or else the first item of each list, is the count
sub main::order_like {
    my ($count, @lists) = @_;
    my @re;
    for my $l (@lists) {
        my @k = @$l;
        my $n = defined $count ? $count : shift @k;
        my $none = '(?:(?!"uuid":).)*';
        push @re, '(?s)^\{"count":' . $n . ',' . $none
            . CORE::join('', map { '"uuid":"' . $Z{$_} . '"' . $none } @k)
            . '$';
    }
    return \@re;
}

add_block_preprocessor(sub {
    my ($block) = @_;
    return unless defined $block->cases;
    my @cases = eval $block->cases;
    die $@ if $@;
    my ($req, $want) = main::gets(@cases);
    $block->set_value(request => $req);
    $block->set_value(results_by_uuid => $want);
    $block->set_value(error_code => [(200) x @$req]);
    $block->set_value(more_headers => OZ::Zaken::hdr('super'))
        unless defined $block->more_headers;
});

run_tests();

__DATA__

=== TEST 1: dates: =, __gt, __gte, __lt, __lte, __isnull on every date filter
--- init
main::fixtures()
--- cases
    'startdatum=2026-02-01' => ['z2'],
    'startdatum=2025-01-01' => [],
    'startdatum__gt=2026-01-01' => ['z2', 'z3'],
    'startdatum__gte=2026-02-01' => ['z2', 'z3'],
    'startdatum__lt=2026-02-01' => ['z1'],
    'startdatum__lte=2026-02-01' => ['z1', 'z2'],
    'einddatum=2026-02-15' => ['z2'],
    'einddatum__gt=2026-02-15' => ['z3'],
    'einddatum__lt=2026-03-01' => ['z2'],
    'einddatum__isnull=true' => ['z1'],
    'einddatum__isnull=false' => ['z2', 'z3'],
    'einddatumGepland=2026-02-01' => ['z1'],
    'einddatumGepland__gt=2026-02-01' => ['z2', 'z3'],
    'einddatumGepland__lt=2026-03-01' => ['z1'],
    'registratiedatum=2026-02-03' => ['z2'],
    'registratiedatum__gt=2026-02-03' => ['z3'],
    'registratiedatum__lt=2026-02-03' => ['z1'],
    'uiterlijkeEinddatumAfdoening=2026-04-01' => ['z2'],
    'uiterlijkeEinddatumAfdoening__gt=2026-04-01' => ['z3'],
    'uiterlijkeEinddatumAfdoening__lt=2026-04-01' => ['z1'],
    'archiefactiedatum=2030-01-01' => ['z1'],
    'archiefactiedatum__gt=2030-01-01' => ['z3'],
    'archiefactiedatum__lt=2031-01-01' => ['z1'],
    'archiefactiedatum__isnull=True' => ['z2'],
    'archiefactiedatum__isnull=0' => ['z1', 'z3'],
    'startdatum__gt=2026-01-01&startdatum__lt=2026-03-01' => ['z2'],



=== TEST 2: archief, bronorganisatie, identificatie, omschrijving, vertrouwelijkheid
--- init
main::fixtures()
--- cases
    'archiefnominatie=vernietigen' => ['z1', 'z3'],
    'archiefnominatie=blijvend_bewaren' => ['z2'],
    'archiefnominatie__in=blijvend_bewaren,vernietigen' => ['z1', 'z2', 'z3'],
    'archiefnominatie__in=blijvend_bewaren' => ['z2'],
    'archiefstatus=overgedragen' => ['z3'],
    'archiefstatus=gearchiveerd_procestermijn_onbekend' => [],
    'archiefstatus__in=gearchiveerd,overgedragen' => ['z2', 'z3'],
    'archiefstatus__in=iets' => [],
    'bronorganisatie=100000009' => ['z2'],
    'bronorganisatie=517439943' => ['z1', 'z3'],
    'bronorganisatie=000000000' => [],
    'bronorganisatie__in=100000009,000000000' => ['z2'],
    'identificatie=ZAAK-A1' => ['z1'],
    'identificatie=zaak-a1' => [],
    'identificatie__icontains=aak-b' => ['z2'],
    'identificatie__icontains=X' => [],
    'omschrijving=VERGUNNING' => ['z1', 'z2'],
    'omschrijving=dakkapel' => ['z1'],
    'omschrijving=schuur' => [],
    'maximaleVertrouwelijkheidaanduiding=openbaar' => ['z1'],
    'maximaleVertrouwelijkheidaanduiding=zaakvertrouwelijk' => ['z1', 'z3'],
    'maximaleVertrouwelijkheidaanduiding=zeer_geheim' => ['z1', 'z2', 'z3'],



=== TEST 3: zaaktype, zaaktype__omschrijving, status__statustype, resultaat__resultaattype, kenmerk, kenmerk__bron
--- init
main::fixtures()
--- cases
    'zaaktype=' . OZ::Zaken::zt_url('zt1') => ['z1', 'z3'],
    'zaaktype=' . OZ::Zaken::zt_url('zt3') => [],
    'zaaktype=http://localhost/catalogi/api/v1/statustypen/'
        . $OZ::Zaken::U{st1a} => [],
    'zaaktype__omschrijving=zaaktype+zt2' => ['z2'],
    'zaaktype__omschrijving=ZT' => ['z1', 'z2', 'z3'],
    'zaaktype__omschrijving=nergens' => [],
    'status__statustype=' . OZ::Zaken::type_url('statustypen', 'st1a')
        => ['z1'],
    'status__statustype=' . OZ::Zaken::type_url('statustypen', 'st1b')
        => [],
    'resultaat__resultaattype='
        . OZ::Zaken::type_url('resultaattypen', 'res2') => ['z2'],
    'resultaat__resultaattype='
        . OZ::Zaken::type_url('resultaattypen', 'res1') => [],
    'kenmerk=bronA:k1' => ['z1'],
    'kenmerk=bronA:k3' => [],
    'kenmerk=bronB:k3' => ['z3'],
    'kenmerk__bron=bronB' => ['z3'],
    'kenmerk__bron=bronC' => [],



=== TEST 4: rollen: betrokkene, betrokkeneType, omschrijvingGeneriek, machtiging, machtiging__loa
--- init
main::fixtures()
--- cases
    'rol__betrokkene=https://personen.example/api/1' => ['z3'],
    'rol__betrokkene=https://personen.example/api/2' => [],
    'rol__betrokkeneType=vestiging' => ['z2'],
    'rol__betrokkeneType=natuurlijk_persoon' => ['z1', 'z3'],
    'rol__omschrijvingGeneriek=initiator' => ['z1'],
    'rol__omschrijvingGeneriek=behandelaar' => ['z1', 'z2', 'z3'],
    'rol__omschrijvingGeneriek=beslisser' => [],
    'rol__machtiging=eigen' => ['z1', 'z2', 'z3'],
    'rol__machtiging=gemachtigde' => ['z1'],
    'rol__machtiging=machtiginggever' => ['z2'],
    'rol__machtiging__loa=urn:etoegang:core:assurance-class:loa4'
        => ['z1', 'z2'],
    'rol__machtiging__loa=urn:etoegang:core:assurance-class:loa2plus'
        => ['z1'],
    'rol__machtiging__loa=urn:oasis:names:tc:SAML:2.0:ac:classes:'
        . 'PasswordProtectedTransport' => [],



=== TEST 5: rollen: betrokkeneIdentificatie of every variant
--- init
main::fixtures()
--- cases
    'rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333'
        => ['z1'],
    'rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222334'
        => [],
    'rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie=A1'
        => ['z1'],
    'rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer='
        . '1234567890' => ['z1'],
    'rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId='
        . '123456782' => ['z2'],
    'rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie'
        . '=N2' => ['z2'],
    'rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer='
        . '12345678' => ['z2'],
    'rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer'
        . '=000012345678' => ['z2'],
    'rol__betrokkeneIdentificatie__vestiging__vestigingsNummer=111'
        => ['z2'],
    'rol__betrokkeneIdentificatie__vestiging__kvkNummer=87654321'
        => ['z2'],
    'rol__betrokkeneIdentificatie__vestiging__kvkNummer=12345678' => [],
    'rol__betrokkeneIdentificatie__medewerker__identificatie=mw1' => ['z1'],
    'rol__betrokkeneIdentificatie__medewerker__identificatie=oe1' => [],
    'rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie'
        . '=oe1' => ['z2'],
    'rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333'
        . '&rol__betrokkeneType=medewerker' => ['z1'],
    'rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333'
        . '&zaaktype=' . OZ::Zaken::zt_url('zt2') => [],



=== TEST 6: a restricted client: the filters within what it may see
--- init
main::fixtures()
--- more_headers eval
OZ::Zaken::hdr('lezer')
--- cases
    'bronorganisatie__in=517439943,100000009' => ['z1', 'z3'],
    'rol__betrokkeneType=niet_natuurlijk_persoon' => [],



=== TEST 7: bad values: every error at once, Open Zaak's codes
--- init
main::fixtures()
--- request
GET /zaken/api/v1/zaken?startdatum=2026-13-01&einddatum__isnull=misschien&archiefnominatie=altijd&maximaleVertrouwelijkheidaanduiding=x&rol__betrokkeneType=persoon&zaaktype=geen-url&status__statustype=zz&bronorganisatie=12345678a&kenmerk=zonderdubbelepunt&registratiedatum__gt=gisteren
--- more_headers eval
OZ::Zaken::hdr('super')
--- error_code: 400
--- invalid_params
startdatum invalid Voer een geldige datum in.
einddatum__isnull invalid_choice
archiefnominatie invalid_choice Selecteer een geldige keuze. altijd is geen beschikbare keuze.
maximaleVertrouwelijkheidaanduiding invalid_choice
rol__betrokkeneType invalid_choice
zaaktype invalid Voer een geldige URL in.
status__statustype invalid Voer een geldige URL in.
bronorganisatie only-digits Voer een numerieke waarde in
kenmerk invalid Voer een geldige waarde in.
registratiedatum__gt invalid Voer een geldige datum in.



=== TEST 8: more bad values: RSIN 11-proef, kenmerk without a part, loa, machtiging; an unknown parameter first
--- init
main::fixtures()
--- request eval
[
"GET /zaken/api/v1/zaken?bronorganisatie=123456789&kenmerk=:k1&rol__machtiging=zelf&rol__machtiging__loa=loa9&rol__omschrijvingGeneriek=baas",
"GET /zaken/api/v1/zaken?kenmerk=bron:&startdatum=x&onbekend=1",
]
--- more_headers eval
OZ::Zaken::hdr('super')
--- error_code eval
[400, 400]
--- invalid_params eval
[
"bronorganisatie invalid Onjuist RSIN nummer
kenmerk invalid
rol__machtiging invalid_choice
rol__machtiging__loa invalid_choice
rol__omschrijvingGeneriek invalid_choice",
"nonFieldErrors unknown-parameters Onbekende query parameters: onbekend",
]



=== TEST 9: empty values filter nothing
--- init
main::fixtures()
--- cases
    'startdatum=&zaaktype=&rol__betrokkeneType=' => ['z1', 'z2', 'z3'],



=== TEST 10: a text filter with a NUL is refused, as Django's CharField does
--- init
main::fixtures()
--- request
GET /zaken/api/v1/zaken?identificatie=%00&rol__betrokkeneIdentificatie__medewerker__identificatie=a%00b
--- more_headers eval
OZ::Zaken::hdr('super')
--- error_code: 400
--- invalid_params
identificatie null_characters_not_allowed
rol__betrokkeneIdentificatie__medewerker__identificatie null_characters_not_allowed



=== TEST 11: ordering on each field, both directions; without it the newest first
--- init
main::fixtures()
--- request eval
[map {; "GET /zaken/api/v1/zaken$_" }
 '', '?ordering=startdatum', '?ordering=-startdatum',
 '?ordering=einddatum', '?ordering=-einddatum',
 '?ordering=identificatie', '?ordering=-identificatie',
 '?ordering=publicatiedatum', '?ordering=-publicatiedatum',
 '?ordering=archiefactiedatum', '?ordering=-archiefactiedatum',
 '?ordering=registratiedatum', '?ordering=-registratiedatum',
 '?ordering=' ]
--- more_headers eval
OZ::Zaken::hdr('super')
--- error_code eval
[(200) x 14]
--- response_body_like eval
main::order_like(3,
 [qw(z3 z2 z1)], [qw(z1 z2 z3)], [qw(z3 z2 z1)],
 [qw(z2 z3 z1)], [qw(z1 z3 z2)],
 [qw(z1 z2 z3)], [qw(z3 z2 z1)],
 [qw(z2 z1 z3)], [qw(z3 z1 z2)],
 [qw(z1 z3 z2)], [qw(z2 z3 z1)],
 [qw(z1 z2 z3)], [qw(z3 z2 z1)],
 [qw(z3 z2 z1)])



=== TEST 12: several fields; equal values newest first; with filters and pages
--- init
main::fixtures();
OZ::Zaken::sql(main::zaak_sql('z4', zaaktype => $OZ::Zaken::U{zt1},
    identificatie => 'ZAAK-D4', bronorganisatie => '517439943',
    startdatum => '2026-01-01', registratiedatum => '2026-03-01'));
--- request eval
[map {; "GET /zaken/api/v1/zaken?$_" }
 'ordering=startdatum', 'ordering=-registratiedatum,startdatum',
 'ordering=registratiedatum,-identificatie',
 'ordering=-startdatum&startdatum__lt=2026-03-01&pageSize=2',
 'ordering=-startdatum&startdatum__lt=2026-03-01&pageSize=2&page=2',
 'ordering=-startdatum&startdatum__lt=2026-03-01&pageSize=2&page=last' ]
--- more_headers eval
OZ::Zaken::hdr('super')
--- error_code eval
[(200) x 6]
--- response_body_like eval
main::order_like(undef,
 [4, qw(z4 z1 z2 z3)], [4, qw(z4 z3 z2 z1)], [4, qw(z1 z2 z4 z3)],
 [3, qw(z2 z4)], [3, qw(z1)], [3, qw(z1)])



=== TEST 13: an ordering on another field: every unknown one reported, with the filters' errors
--- init
main::fixtures()
--- request eval
["GET /zaken/api/v1/zaken?ordering=archiefnominatie",
 "GET /zaken/api/v1/zaken?ordering=bogus,-startdatum,-uuid&startdatum=x"]
--- more_headers eval
OZ::Zaken::hdr('super')
--- error_code eval
[400, 400]
--- invalid_params eval
["ordering invalid_choice Selecteer een geldige keuze. archiefnominatie is geen beschikbare keuze.",
"ordering invalid_choice Selecteer een geldige keuze. bogus is geen beschikbare keuze.
ordering invalid_choice Selecteer een geldige keuze. -uuid is geen beschikbare keuze.
startdatum invalid"]
