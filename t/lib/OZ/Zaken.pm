package OZ::Zaken;

# Fixtures of the Zaken API tests (t/2xx-zaken-*.t): one catalogus with
# published zaaktypen and their types below them, the clients below, and
# zaken inserted directly.  Fixed uuids (%U) so that expectations can name
# them; rendered URLs are http://localhost/... (the headers send
# "Host: localhost").
#
#   OZ::Zaken::seed()             empty the module's tables; clients,
#                                 catalogus, zaaktypen ZT1 ZT2 (published),
#                                 ZT3 (concept) and their types
#   OZ::Zaken::zaak(uuid, %o)     a zaak (zaaktype => key of %U or uuid,
#                                 va, startdatum, einddatum, hoofdzaak,
#                                 identificatie, bronorganisatie)
#   OZ::Zaken::hdr(who, @extra)   request headers: bearer token of who,
#                                 Host, Accept-Crs; hdr_json adds
#                                 Content-Type and Content-Crs
#   OZ::Zaken::url(path)          "http://localhost/zaken/api/v1/" . path
#   OZ::Zaken::zt_url(key)        the URL of zaaktype $U{key}
#   OZ::Zaken::sql(text)          run SQL (oz_psql)
#
# Clients (all with the same secret pattern "<name>-secret"):
#   super       heeftAlleAutorisaties
#   lezer       zrc zaken.lezen for ZT1, up to zeer_geheim
#   beperkt     zrc zaken.lezen, zaken.aanmaken, zaken.bijwerken for ZT1,
#               up to openbaar only
#   schrijver   zrc zaken.lezen, aanmaken, bijwerken, verwijderen,
#               statussen.toevoegen for ZT1 and ZT2, up to zeer_geheim
#   aanmaker    zrc zaken.lezen, zaken.aanmaken for ZT1 and ZT2
#   forceer     zrc everything including geforceerd-bijwerken and
#               heropenen for ZT1 and ZT2
#   catalogi    ztc catalogi.lezen only (no zaken scope at all)
#
# Types (per zaaktype ZTn, n = 1, 2):
#   st{n}a volgnummer 1 "Ontvangen", st{n}b volgnummer 2 "Afgehandeld"
#   (eindstatus); rt{n}i roltype initiator, rt{n}b behandelaar;
#   res{n} resultaattype (afleidingswijze afgehandeld, archiefactietermijn
#   P10Y, vernietigen); eig{n} eigenschap "kleur"; zot{n} zaakobjecttype.
#   ZT2 lists ZT1 as deelzaaktype (zaaktype.deelzaaktypen by identificatie).

use strict;
use warnings;

use OZ::Test ();

our %U = (
    cat   => 'cccccccc-2000-4000-8000-000000000001',
    zt1   => 'aaaaaaaa-2000-4000-8000-000000000001',
    zt2   => 'aaaaaaaa-2000-4000-8000-000000000002',
    zt3   => 'aaaaaaaa-2000-4000-8000-000000000003',
    st1a  => 'bbbbbbbb-2001-4000-8000-000000000001',
    st1b  => 'bbbbbbbb-2001-4000-8000-000000000002',
    st2a  => 'bbbbbbbb-2002-4000-8000-000000000001',
    st2b  => 'bbbbbbbb-2002-4000-8000-000000000002',
    rt1i  => 'dddddddd-2001-4000-8000-000000000001',
    rt1b  => 'dddddddd-2001-4000-8000-000000000002',
    rt2i  => 'dddddddd-2002-4000-8000-000000000001',
    rt2b  => 'dddddddd-2002-4000-8000-000000000002',
    res1  => 'ffffffff-2001-4000-8000-000000000001',
    res2  => 'ffffffff-2002-4000-8000-000000000001',
    eig1  => '99999999-2001-4000-8000-000000000001',
    eig2  => '99999999-2002-4000-8000-000000000001',
    zot1  => '88888888-2001-4000-8000-000000000001',
    zot2  => '88888888-2002-4000-8000-000000000001',
);

our %CLIENT = (
    super     => { uuid => 'eeeeeeee-2000-4000-8000-000000000001',
                   alle => 1 },
    lezer     => { uuid => 'eeeeeeee-2000-4000-8000-000000000002',
                   zt => ['zt1'], va => 'zeer_geheim',
                   scopes => ['zaken.lezen'] },
    beperkt   => { uuid => 'eeeeeeee-2000-4000-8000-000000000003',
                   zt => ['zt1'], va => 'openbaar',
                   scopes => ['zaken.lezen', 'zaken.aanmaken',
                              'zaken.bijwerken'] },
    schrijver => { uuid => 'eeeeeeee-2000-4000-8000-000000000004',
                   zt => ['zt1', 'zt2'], va => 'zeer_geheim',
                   scopes => ['zaken.lezen', 'zaken.aanmaken',
                              'zaken.bijwerken', 'zaken.verwijderen',
                              'zaken.statussen.toevoegen'] },
    aanmaker  => { uuid => 'eeeeeeee-2000-4000-8000-000000000005',
                   zt => ['zt1', 'zt2'], va => 'zeer_geheim',
                   scopes => ['zaken.lezen', 'zaken.aanmaken'] },
    forceer   => { uuid => 'eeeeeeee-2000-4000-8000-000000000006',
                   zt => ['zt1', 'zt2'], va => 'zeer_geheim',
                   scopes => ['zaken.lezen', 'zaken.aanmaken',
                              'zaken.bijwerken', 'zaken.verwijderen',
                              'zaken.statussen.toevoegen',
                              'zaken.geforceerd-bijwerken',
                              'zaken.heropenen'] },
    catalogi  => { uuid => 'eeeeeeee-2000-4000-8000-000000000007',
                   component => 'ztc', scopes => ['catalogi.lezen'] },
);

sub lit { OZ::Test::oz_quote(@_) }

sub sql { OZ::Test::oz_psql(@_) }

sub url { 'http://localhost/zaken/api/v1/' . $_[0] }

sub zt_url { 'http://localhost/catalogi/api/v1/zaaktypen/' . $U{ $_[0] } }

sub type_url {
    my ($path, $key) = @_;
    return "http://localhost/catalogi/api/v1/$path/$U{$key}";
}

sub hdr {
    my ($who, @extra) = @_;
    my @h;
    push @h, OZ::Test::oz_bearer(client_id => $who,
                                 secret => "$who-secret")
        if defined $who;
    push @h, 'Host: localhost', 'Accept-Crs: EPSG:4326', @extra;
    return join("\n", @h) . "\n";
}

sub hdr_json {
    my ($who, @extra) = @_;
    return hdr($who, 'Content-Type: application/json',
               'Content-Crs: EPSG:4326', @extra);
}

sub zaaktype_sql {
    my ($key, $ident, %o) = @_;
    return sprintf(
        "INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie,"
        . " omschrijving, vertrouwelijkheidaanduiding, doel, aanleiding,"
        . " indicatie_intern_of_extern, handeling_initiator, onderwerp,"
        . " handeling_behandelaar, doorlooptijd, servicenorm,"
        . " opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,"
        . " publicatie_indicatie, referentieproces, verantwoordelijke,"
        . " begin_geldigheid, versiedatum, concept, producten_of_diensten,"
        . " deelzaaktypen, selectielijst_procestype,"
        . " selectielijst_procestype_jaar)"
        . " VALUES (%s, %s, %s, %s, %s, 'doel', 'aanleiding',"
        . " 'extern', 'aanvragen', 'onderwerp', 'behandelen', 'P30D', %s,"
        . " true, true, false, '{\"naam\": \"ref\", \"link\": \"\"}',"
        . " '100000009', '2020-01-01', '2020-01-01', %s, %s, %s, '', 2020);\n",
        lit($U{$key}), lit($U{cat}), lit($ident), lit("Zaaktype $ident"),
        lit($o{va} // 'openbaar'), lit($o{servicenorm}),
        $o{concept} ? 'true' : 'false',
        lit('{' . join(',', @{ $o{producten} || [] }) . '}'),
        lit('{' . join(',', @{ $o{deelzaaktypen} || [] }) . '}'));
}

sub types_sql {
    my ($n) = @_;
    my $zt = lit($U{"zt$n"});
    my $sl = 'https://selectielijst.openzaak.nl/api/v1';
    return
        "INSERT INTO catalogi.statustype (uuid, zaaktype, omschrijving,"
        . " volgnummer) VALUES (" . lit($U{"st${n}a"}) . ", $zt, 'Ontvangen',"
        . " 1), (" . lit($U{"st${n}b"}) . ", $zt, 'Afgehandeld', 2);\n"
        . "INSERT INTO catalogi.roltype (uuid, zaaktype, omschrijving,"
        . " omschrijving_generiek) VALUES (" . lit($U{"rt${n}i"}) . ", $zt,"
        . " 'Aanvrager', 'initiator'), (" . lit($U{"rt${n}b"}) . ", $zt,"
        . " 'Behandelaar', 'behandelaar');\n"
        . "INSERT INTO catalogi.resultaattype (uuid, zaaktype, omschrijving,"
        . " resultaattypeomschrijving, omschrijving_generiek,"
        . " selectielijstklasse, archiefnominatie, archiefactietermijn,"
        . " brondatum_archiefprocedure) VALUES (" . lit($U{"res$n"})
        . ", $zt, 'Toegekend', '$sl/resultaattypeomschrijvingen/"
        . "fb65d251-1518-4185-865f-b8bdcfad07b1', 'Toegekend',"
        . " '$sl/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f',"
        . " 'vernietigen', 'P10Y', '{\"afleidingswijze\": \"afgehandeld\","
        . " \"datumkenmerk\": \"\", \"einddatumBekend\": false,"
        . " \"objecttype\": \"\", \"registratie\": \"\","
        . " \"procestermijn\": null}');\n"
        . "INSERT INTO catalogi.eigenschap (uuid, zaaktype, naam, definitie,"
        . " specificatie) VALUES (" . lit($U{"eig$n"}) . ", $zt, 'kleur',"
        . " 'de kleur', '{\"groep\": \"\", \"formaat\": \"tekst\","
        . " \"lengte\": \"20\", \"kardinaliteit\": \"1\","
        . " \"waardenverzameling\": []}');\n"
        . "INSERT INTO catalogi.zaakobjecttype (uuid, zaaktype,"
        . " ander_objecttype, objecttype, relatie_omschrijving,"
        . " begin_geldigheid) VALUES (" . lit($U{"zot$n"}) . ", $zt, false,"
        . " 'https://objecttypen.example/api/v2/objecttypes/1', 'object',"
        . " '2020-01-01');\n";
}

sub seed {
    OZ::Test::oz_reset();

    for my $who (sort keys %CLIENT) {
        my $c = $CLIENT{$who};
        my @auts;

        if ($c->{component}) {
            @auts = ({ component => $c->{component},
                       scopes => $c->{scopes} });
        } else {
            @auts = map { { component => 'zrc', scopes => $c->{scopes},
                            zaaktype => zt_url($_), max_va => $c->{va} } }
                        @{ $c->{zt} || [] };
        }

        OZ::Test::oz_client(client_id => $who, secret => "$who-secret",
            uuid => $c->{uuid}, label => $who,
            heeft_alle => $c->{alle} ? 1 : 0, autorisaties => \@auts);
    }

    sql("INSERT INTO catalogi.catalogus (uuid, domein, rsin,"
        . " contactpersoon_beheer_naam, naam) VALUES (" . lit($U{cat})
        . ", 'ZAKEN', '100000009', 'Beheer', 'Catalogus zaken');\n"
        . zaaktype_sql('zt1', 'ZT1', va => 'zaakvertrouwelijk',
                       servicenorm => 'P10D',
                       producten => ['https://pdc.example/producten/1',
                                     'https://pdc.example/producten/2'])
        . zaaktype_sql('zt2', 'ZT2', deelzaaktypen => ['ZT1'])
        . zaaktype_sql('zt3', 'ZT3', concept => 1)
        . types_sql(1) . types_sql(2));
    return;
}

# A zaak, inserted directly: the table's trigger fills in what the API
# would (identificatie, vertrouwelijkheidaanduiding, dates).
sub zaak {
    my ($uuid, %o) = @_;
    my $zt = $o{zaaktype} // 'zt1';
    $zt = $U{$zt} if exists $U{$zt};
    sql(sprintf(
        "INSERT INTO zaken.zaak (uuid, identificatie, bronorganisatie,"
        . " zaaktype, verantwoordelijke_organisatie, startdatum, einddatum,"
        . " vertrouwelijkheidaanduiding, hoofdzaak, omschrijving)"
        . " VALUES (%s, %s, %s, %s, '517439943', %s, %s, %s, %s, %s);",
        lit($uuid), lit($o{identificatie}), lit($o{bronorganisatie} // '517439943'),
        lit($zt), lit($o{startdatum} // '2026-01-01'), lit($o{einddatum}),
        lit($o{va}), lit($o{hoofdzaak}), lit($o{omschrijving} // '')));
    return;
}

# --- statussen and resultaten (t/210, t/211)

# A status, inserted directly (no rule, nothing happens to the zaak but
# its current status): statustype => key of %U or uuid, datum.
sub status {
    my ($uuid, $zaak, %o) = @_;
    my $st = $o{statustype} // 'st1a';
    $st = $U{$st} if exists $U{$st};
    sql(sprintf("INSERT INTO zaken.status (uuid, zaak, statustype,"
        . " datum_status_gezet) VALUES (%s, %s, %s, %s);", lit($uuid),
        lit($zaak), lit($st), lit($o{datum} // '2026-01-02T10:00:00Z')));
    return;
}

# A resultaat, inserted directly: resultaattype => key of %U or uuid.
sub resultaat {
    my ($uuid, $zaak, %o) = @_;
    my $rt = $o{resultaattype} // 'res1';
    $rt = $U{$rt} if exists $U{$rt};
    sql(sprintf("INSERT INTO zaken.resultaat (uuid, zaak, resultaattype)"
        . " VALUES (%s, %s, %s);", lit($uuid), lit($zaak), lit($rt)));
    return;
}

# The brondatumArchiefprocedure (a JSON object) and archiefnominatie of
# resultaattype key.
sub archiefprocedure {
    my ($key, $bap, $nominatie) = @_;
    sql("UPDATE catalogi.resultaattype SET brondatum_archiefprocedure = "
        . lit($bap) . "::jsonb"
        . (defined $nominatie ? ", archiefnominatie = " . lit($nominatie) : '')
        . " WHERE uuid = " . lit($U{$key}) . ";");
    return;
}

1;
