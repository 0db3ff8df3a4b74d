package OZ::ZakenSet;

# The zaken the filter and search tests (t/240, t/241) share: z1..z3 with
# their kenmerken, statussen, a resultaat, rollen of every kind and
# geometries (z1 a point, z2 a polygon), on the fixtures of OZ::Zaken.
#
#   OZ::ZakenSet::load()        seed and insert them
#   %OZ::ZakenSet::Z            their uuids by key (z4 is free for a test)
#   OZ::ZakenSet::zaak_sql(key, column => value, ...)   a zaak's INSERT
#   OZ::ZakenSet::rol_sql(n, zaak key, column => value, ...)

use strict;
use warnings;

use OZ::Zaken ();

our %Z = (
    z1 => '24000000-0000-4000-8000-000000000001',
    z2 => '24000000-0000-4000-8000-000000000002',
    z3 => '24000000-0000-4000-8000-000000000003',
    z4 => '24000000-0000-4000-8000-000000000004',
);

sub lit { OZ::Zaken::lit(@_) }

sub zaak_sql {
    my ($key, %o) = @_;
    my @cols = (uuid => $Z{$key}, verantwoordelijke_organisatie => '517439943',
                %o);
    my (@c, @v);
    while (my ($c, $v) = splice @cols, 0, 2) {
        push @c, $c;
        push @v, lit($v);
    }
    return 'INSERT INTO zaken.zaak (' . join(', ', @c) . ') VALUES ('
           . join(', ', @v) . ");\n";
}

sub rol_sql {
    my ($n, $zaak, %o) = @_;
    my $zt = $o{zt} // 1;
    delete $o{zt};
    my @cols = (uuid => sprintf('24000000-0000-4000-8001-%012d', $n),
                zaak => $Z{$zaak},
                # the roltype's omschrijvingGeneriek is copied into the rol
                roltype => $OZ::Zaken::U{"rt${zt}"
                    . (($o{omschrijving_generiek} // '') eq 'initiator'
                       ? 'i' : 'b')},
                %o);
    my (@c, @v);
    while (my ($c, $v) = splice @cols, 0, 2) {
        push @c, $c;
        push @v, lit($v);
    }
    return 'INSERT INTO zaken.rol (' . join(', ', @c) . ') VALUES ('
           . join(', ', @v) . ");\n";
}

sub load {
    OZ::Zaken::seed();
    my %U = %OZ::Zaken::U;
    OZ::Zaken::sql(
        zaak_sql('z1', zaaktype => $U{zt1}, identificatie => 'ZAAK-A1',
            bronorganisatie => '517439943', startdatum => '2026-01-01',
            registratiedatum => '2026-01-02', publicatiedatum => '2026-01-05',
            einddatum_gepland => '2026-02-01',
            uiterlijke_einddatum_afdoening => '2026-03-01',
            vertrouwelijkheidaanduiding => 'openbaar',
            omschrijving => 'Bouwvergunning dakkapel',
            archiefnominatie => 'vernietigen',
            archiefstatus => 'nog_te_archiveren',
            archiefactiedatum => '2030-01-01',
            zaakgeometrie => 'SRID=4326;POINT(5.0 52.0)')
        . zaak_sql('z2', zaaktype => $U{zt2}, identificatie => 'ZAAK-B2',
            bronorganisatie => '100000009', startdatum => '2026-02-01',
            registratiedatum => '2026-02-03', publicatiedatum => '2026-01-01',
            einddatum => '2026-02-15', einddatum_gepland => '2026-03-01',
            uiterlijke_einddatum_afdoening => '2026-04-01',
            vertrouwelijkheidaanduiding => 'geheim',
            omschrijving => 'Kapvergunning eik',
            archiefnominatie => 'blijvend_bewaren',
            archiefstatus => 'gearchiveerd',
            zaakgeometrie => 'SRID=4326;POLYGON((6 53,6.1 53,6.1 53.1,6 53))')
        . zaak_sql('z3', zaaktype => $U{zt1}, identificatie => 'ZAAK-C3',
            bronorganisatie => '517439943', startdatum => '2026-03-01',
            registratiedatum => '2026-03-01', publicatiedatum => '2026-02-01',
            einddatum => '2026-03-10', einddatum_gepland => '2026-04-01',
            uiterlijke_einddatum_afdoening => '2026-05-01',
            vertrouwelijkheidaanduiding => 'zaakvertrouwelijk',
            omschrijving => 'Melding openbare ruimte',
            archiefnominatie => 'vernietigen',
            archiefstatus => 'overgedragen',
            archiefactiedatum => '2031-01-01')
        . "INSERT INTO zaken.zaakkenmerk (zaak, position, kenmerk, bron)"
        . " VALUES ('$Z{z1}', 0, 'k1', 'bronA'),"
        . " ('$Z{z3}', 0, 'k3', 'bronB');\n"
        . "INSERT INTO zaken.status (uuid, zaak, statustype,"
        . " datum_status_gezet) VALUES"
        . " ('24000000-0000-4000-8002-000000000001', '$Z{z1}', '$U{st1a}',"
        . " '2026-01-01T10:00:00Z'),"
        . " ('24000000-0000-4000-8002-000000000002', '$Z{z2}', '$U{st2b}',"
        . " '2026-02-15T10:00:00Z');\n"
        . "INSERT INTO zaken.resultaat (uuid, zaak, resultaattype) VALUES"
        . " ('24000000-0000-4000-8003-000000000002', '$Z{z2}', '$U{res2}');\n"
        # a resultaat of a closed zaak recalculates its archive dates (Z19);
        # z2 is the zaak without archiefactiedatum here
        . "UPDATE zaken.zaak SET archiefactiedatum = NULL"
        . " WHERE uuid = '$Z{z2}';\n"
        . rol_sql(1, 'z1', betrokkene_type => 'natuurlijk_persoon',
            omschrijving_generiek => 'initiator',
            indicatie_machtiging => 'gemachtigde',
            betrokkene_identificatie => '{"inpBsn": "111222333",'
                . ' "anpIdentificatie": "A1", "inpA_nummer": "1234567890"}',
            authenticatie_context => '{"levelOfAssurance": "urn:oasis:names:'
                . 'tc:SAML:2.0:ac:classes:MobileTwoFactorContract"}')
        . rol_sql(2, 'z1', betrokkene_type => 'medewerker',
            omschrijving_generiek => 'behandelaar',
            betrokkene_identificatie => '{"identificatie": "mw1"}')
        . rol_sql(3, 'z2', zt => 2,
            betrokkene_type => 'niet_natuurlijk_persoon',
            omschrijving_generiek => 'belanghebbende',
            betrokkene_identificatie => '{"innNnpId": "123456782",'
                . ' "annIdentificatie": "N2", "kvkNummer": "12345678",'
                . ' "vestigingsNummer": "000012345678"}',
            # eHerkenning: only persons and organisations have a context
            authenticatie_context => '{"levelOfAssurance":'
                . ' "urn:etoegang:core:assurance-class:loa4"}')
        . rol_sql(4, 'z2', zt => 2, betrokkene_type => 'vestiging',
            omschrijving_generiek => 'behandelaar',
            betrokkene_identificatie => '{"vestigingsNummer": "111",'
                . ' "kvkNummer": "87654321"}')
        . rol_sql(5, 'z2', zt => 2,
            betrokkene_type => 'organisatorische_eenheid',
            omschrijving_generiek => 'behandelaar',
            indicatie_machtiging => 'machtiginggever',
            betrokkene_identificatie => '{"identificatie": "oe1"}')
        . rol_sql(6, 'z3', betrokkene_type => 'natuurlijk_persoon',
            omschrijving_generiek => 'behandelaar',
            betrokkene => 'https://personen.example/api/1'));
    return;
}

1;
