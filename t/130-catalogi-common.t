# Catalogi API 1.3.1: what the ten resources share.
#
#   * authorisation per operation (the security sections of the OAS):
#     catalogi.lezen for list/read/HEAD; catalogi.schrijven for the creates
#     of catalogus, zaaktype, informatieobjecttype and besluittype and for
#     publish; (catalogi.schrijven | catalogi.geforceerd-schrijven) for the
#     other creates and every PUT/PATCH; (catalogi.schrijven |
#     catalogi.geforceerd-verwijderen) for DELETE; heeftAlleAutorisaties;
#     ztc-014 (zaken.lezen / documenten.lezen read the catalogi); scopes
#     under another component; no token.  A refused write changes nothing.
#   * ETag / If-None-Match / HEAD on every detail (standard "HTTP-Caching",
#     RULES-CHECKLIST A.1): 304 on a match (also with a list of ETags),
#     HEAD = GET without a body, the ETag changes with the JSON
#     representation (after an update, when related objects change it, per
#     Host).
#   * pagination of the ten lists (count/next/previous/results, links from
#     the request's Host, newest first, page out of range 404 "Ongeldige
#     pagina.", default page size), unknown query parameters, empty lists.
#   * bodies and content negotiation: 415 without or with a non-JSON
#     Content-Type, parse_error, a JSON body that is not an object, 406,
#     405 with Allow, unknown paths and malformed uuids (404 problems), and
#     API-version 1.3.1 on every answer.
#   * the notification outbox (zgw.notificatie) of the kanalen zaaktypen,
#     informatieobjecttypen and besluittypen; catalogus, the types below a
#     zaaktype and /publish do not notify (ZGW-INVENTORY X4).
#   * the OpenAPI documents answer without a token (t/050 compares them).
#
# Per-resource behaviour is in t/100, t/110 and t/120.
#
# Conventions
#
# * `--- init` calls main::seed(): empties the tables and creates the
#   clients below, always with the same uuid, secret and autorisaties (the
#   auth cache of a worker can then never differ from the database).
#   main::base() adds one concept object of every resource under fixed
#   uuids (%main::ID); main::published_rows($collection) four rows a
#   default list shows (published types, types below a published zaaktype).
# * main::hdr(WHO, EXTRA...) gives the request headers: a bearer token for
#   WHO (undef: none), "Host: localhost" and the extra lines; hdr_json adds
#   Content-Type: application/json.
# * @main::RES lists the ten collections with the uuid of their base
#   object and a PATCH body; blocks map over it.
# * --- sql_check / --- sql_check_out: SQL run after each response and its
#   expected psql -A -t output (eval arrays: one per request), as in
#   t/020-autorisaties.t.  --- db_unchanged: after the last response the
#   catalogi tables and the notification outbox are exactly as they were
#   when the init called main::snapshot().
# * Every block checks the API-version header (1.3.1) of every answer and
#   that nothing is logged at [alert], [crit] or [emerg].
use strict;
use warnings;
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
no_long_string();
oz_setup(apis => ['catalogi'], selectielijst => 1);

our $API = '/catalogi/api/v1';
our $BASE = "http://localhost$API";
our $SL = $OZ::Test::OZ_SELECTIELIJST;

our %ID = (
    C1  => 'c1000000-0000-4000-8000-000000000001',   # catalogus
    C2  => 'c1000000-0000-4000-8000-000000000002',
    Z1  => 'c2000000-0000-4000-8000-000000000001',   # zaaktype (concept)
    I1  => 'c3000000-0000-4000-8000-000000000001',   # informatieobjecttype
    B1  => 'c4000000-0000-4000-8000-000000000001',   # besluittype
    ST1 => 'c5000000-0000-4000-8000-000000000001',   # statustype
    RT1 => 'c6000000-0000-4000-8000-000000000001',   # roltype
    RS1 => 'c7000000-0000-4000-8000-000000000001',   # resultaattype
    EG1 => 'c8000000-0000-4000-8000-000000000001',   # eigenschap
    ZO1 => 'c9000000-0000-4000-8000-000000000001',   # zaakobjecttype
    ZI1 => 'ca000000-0000-4000-8000-000000000001',   # zaaktype-informatieobjecttype
    NONE => 'cf000000-0000-4000-8000-000000000099',  # never exists
);

# collection, uuid of its base object, PATCH body of that object
our @RES = (
    ['catalogussen',                   $ID{C1},  undef],
    ['zaaktypen',                      $ID{Z1},  '{"toelichting": "Gewijzigd"}'],
    ['informatieobjecttypen',          $ID{I1},  '{"informatieobjectcategorie": "Gewijzigd"}'],
    ['besluittypen',                   $ID{B1},  '{"toelichting": "Gewijzigd"}'],
    ['statustypen',                    $ID{ST1}, '{"statustekst": "Gewijzigd"}'],
    ['roltypen',                       $ID{RT1}, '{"omschrijving": "Gewijzigd"}'],
    ['resultaattypen',                 $ID{RS1}, '{"toelichting": "Gewijzigd"}'],
    ['eigenschappen',                  $ID{EG1}, '{"toelichting": "Gewijzigd"}'],
    ['zaakobjecttypen',                $ID{ZO1}, '{"relatieOmschrijving": "Gewijzigd"}'],
    ['zaaktype-informatieobjecttypen', $ID{ZI1}, '{"richting": "uitgaand"}'],
);

# the nine that can be changed and deleted, and the order in which they
# can be deleted one after the other (types below the zaaktype first)
our @WRITABLE = grep { defined $_->[2] } @RES;
our @DELETE_ORDER = reverse @WRITABLE;
# created with catalogi.schrijven only; the others also with
# catalogi.geforceerd-schrijven
our @MAIN = grep { $_->[0] =~ /^(?:catalogussen|zaaktypen|informatieobjecttypen|besluittypen)$/ } @RES;
our @SUB  = grep { $_->[0] !~ /^(?:catalogussen|zaaktypen|informatieobjecttypen|besluittypen)$/ } @RES;
our @PUBLISH = ("$API/zaaktypen/$ID{Z1}/publish",
                "$API/informatieobjecttypen/$ID{I1}/publish",
                "$API/besluittypen/$ID{B1}/publish");

sub main::url { return "$API/$_[0]/$_[1]" }

# Request lists used by several blocks ("METHOD path\nbody").
sub main::lists   { return map { "GET $API/$_->[0]" } @RES }
sub main::details { return map { "GET $API/$_->[0]/$_->[1]" } @RES }
sub main::heads   { return map { "HEAD $API/$_->[0]/$_->[1]" } @RES }
sub main::reads   { return (main::lists(), main::details(), main::heads()) }
sub main::creates { my $b = shift // '{}'; return map { "POST $API/$_->[0]\n$b" } @{ shift() || \@RES } }
sub main::puts    { my $b = shift // '{}'; return map { "PUT $API/$_->[0]/$_->[1]\n$b" } @WRITABLE }
sub main::patches { return map { "PATCH $API/$_->[0]/$_->[1]\n$_->[2]" } @WRITABLE }
sub main::deletes { return map { "DELETE $API/$_->[0]/$_->[1]" } @DELETE_ORDER }
sub main::publishes { return map { "POST $_\n" } @PUBLISH }

#------------------------------------------------------------------------
# clients
#------------------------------------------------------------------------

our %CLIENT = (
    super => { uuid => 'cc000000-0000-4000-8000-000000000001', heeft_alle => 1 },
    lezer => { uuid => 'cc000000-0000-4000-8000-000000000002',
        autorisaties => [{ component => 'ztc', scopes => ['catalogi.lezen'] }] },
    schrijver => { uuid => 'cc000000-0000-4000-8000-000000000003',
        autorisaties => [{ component => 'ztc', scopes => ['catalogi.schrijven'] }] },
    forceer => { uuid => 'cc000000-0000-4000-8000-000000000004',
        autorisaties => [{ component => 'ztc',
                           scopes => ['catalogi.geforceerd-schrijven'] }] },
    verwijderaar => { uuid => 'cc000000-0000-4000-8000-000000000005',
        autorisaties => [{ component => 'ztc',
                           scopes => ['catalogi.geforceerd-verwijderen'] }] },
    # ztc-014
    zaaklezer => { uuid => 'cc000000-0000-4000-8000-000000000006',
        autorisaties => [{ component => 'zrc', scopes => ['zaken.lezen'],
                           zaaktype => 'https://elders.example/catalogi/api/v1/zaaktypen/1',
                           max_va => 'openbaar' }] },
    documentlezer => { uuid => 'cc000000-0000-4000-8000-000000000007',
        autorisaties => [{ component => 'drc', scopes => ['documenten.lezen'],
                           informatieobjecttype => 'https://elders.example/catalogi/api/v1/informatieobjecttypen/1',
                           max_va => 'openbaar' }] },
    # zaken and documenten scopes that are not lezen
    zaakschrijver => { uuid => 'cc000000-0000-4000-8000-000000000008',
        autorisaties => [
            { component => 'zrc',
              scopes => ['zaken.aanmaken', 'zaken.bijwerken', 'zaken.verwijderen'],
              zaaktype => 'https://elders.example/catalogi/api/v1/zaaktypen/1',
              max_va => 'geheim' },
            { component => 'drc', scopes => ['documenten.aanmaken'],
              informatieobjecttype => 'https://elders.example/catalogi/api/v1/informatieobjecttypen/1',
              max_va => 'geheim' }] },
    # catalogi scopes, but under other components
    elders => { uuid => 'cc000000-0000-4000-8000-000000000009',
        autorisaties => [
            { component => 'zrc', scopes => ['catalogi.lezen', 'catalogi.schrijven'],
              zaaktype => 'https://elders.example/catalogi/api/v1/zaaktypen/1',
              max_va => 'geheim' },
            { component => 'drc', scopes => ['catalogi.lezen', 'catalogi.schrijven'],
              informatieobjecttype => 'https://elders.example/catalogi/api/v1/informatieobjecttypen/1',
              max_va => 'geheim' },
            { component => 'brc', scopes => ['catalogi.lezen', 'catalogi.schrijven'],
              besluittype => 'https://elders.example/catalogi/api/v1/besluittypen/1' },
            { component => 'ac', scopes => ['catalogi.lezen', 'catalogi.schrijven',
                                            'catalogi.geforceerd-verwijderen'] }] },
);

# Fixture SQL runs at once, or is collected while main::seed() builds
# one script (one psql run per block keeps the file fast).
our $BATCH;

sub main::run_sql {
    my ($sql) = @_;
    if (defined $BATCH) {
        $BATCH .= "$sql;\n";
    } else {
        OZ::Test::oz_psql($sql);
    }
    return;
}

# main::seed(base => 1, rows => COLLECTION): empty tables, the clients,
# and optionally main::base() and main::published_rows(COLLECTION).
sub main::seed {
    my (%o) = @_;
    OZ::Test::oz_reset();
    local $BATCH = '';
    my $q = \&main::q;
    for my $who (sort keys %CLIENT) {
        my $c = $CLIENT{$who};
        $BATCH .= sprintf(
            "INSERT INTO autorisaties.jwt_secret (client_id, secret) VALUES (%s, %s);\n"
            . "INSERT INTO autorisaties.applicatie (uuid, client_ids, label,"
            . " heeft_alle_autorisaties) VALUES (%s, ARRAY[%s], %s, %s);\n",
            $q->($who), $q->("$who-secret"), $q->($c->{uuid}), $q->($who),
            $q->("Client $who"), $c->{heeft_alle} ? 'true' : 'false');
        my $pos = 0;
        for my $x (@{ $c->{autorisaties} || [] }) {
            $BATCH .= sprintf(
                "INSERT INTO autorisaties.autorisatie (applicatie_uuid, position,"
                . " component, scopes, zaaktype, informatieobjecttype, besluittype,"
                . " max_vertrouwelijkheidaanduiding) VALUES"
                . " (%s, %d, %s, ARRAY[%s]::text[], %s, %s, %s, %s);\n",
                $q->($c->{uuid}), $pos++, $q->($x->{component}),
                join(',', map { $q->($_) } @{ $x->{scopes} }),
                $q->($x->{zaaktype}), $q->($x->{informatieobjecttype}),
                $q->($x->{besluittype}), $q->($x->{max_va}));
        }
    }
    main::base() if $o{base};
    main::published_rows($o{rows}) if $o{rows};
    OZ::Test::oz_psql($BATCH);
    return;
}

sub main::hdr {
    my ($who, @extra) = @_;
    my @h;
    push @h, OZ::Test::oz_bearer(client_id => $who, secret => "$who-secret")
        if defined $who;
    push @h, 'Host: localhost', @extra;
    return join("\n", @h) . "\n";
}

sub main::hdr_json {
    my ($who, @extra) = @_;
    return main::hdr($who, 'Content-Type: application/json', @extra);
}

#------------------------------------------------------------------------
# fixtures (plain SQL, so blocks stay independent of the write paths)
#------------------------------------------------------------------------

sub main::q { return OZ::Test::oz_quote(@_) }

sub main::catalogus {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.catalogus (uuid, domein, rsin,"
        . " contactpersoon_beheer_naam, naam) VALUES (%s, %s, %s, 'Beheerder', %s)",
        main::q($a{uuid}), main::q($a{domein} // 'ABC'),
        main::q($a{rsin} // '517439943'), main::q($a{naam} // 'Catalogus')));
}

sub main::zaaktype {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie,"
        . " omschrijving, vertrouwelijkheidaanduiding, doel, aanleiding,"
        . " indicatie_intern_of_extern, handeling_initiator, onderwerp,"
        . " handeling_behandelaar, doorlooptijd,"
        . " opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,"
        . " publicatie_indicatie, referentieproces, verantwoordelijke,"
        . " selectielijst_procestype, begin_geldigheid, versiedatum, concept)"
        . " VALUES (%s, %s, %s, %s, 'openbaar', 'Doel', 'Aanleiding', 'extern',"
        . " 'aanvragen', 'Onderwerp', 'behandelen', 'P30D', false, false, false,"
        . " '{\"naam\": \"Proces\", \"link\": \"\"}', 'Afdeling', %s,"
        . " '2024-01-01', '2024-01-01', %s)",
        main::q($a{uuid}), main::q($a{catalogus} // $ID{C1}),
        main::q($a{identificatie} // 'ZT-1'),
        main::q($a{omschrijving} // 'Zaaktype'),
        main::q("$SL/procestypen/b594c8d1-ea6a-4bcd-a6aa-2c7a8ad3fe5b"),
        $a{concept} // 1 ? 'true' : 'false'));
}

sub main::iot {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.informatieobjecttype (uuid, catalogus,"
        . " omschrijving, vertrouwelijkheidaanduiding, begin_geldigheid,"
        . " informatieobjectcategorie, concept) VALUES (%s, %s, %s,"
        . " 'openbaar', '2024-01-01', 'Categorie', %s)",
        main::q($a{uuid}), main::q($a{catalogus} // $ID{C1}),
        main::q($a{omschrijving} // 'Document'),
        $a{concept} // 1 ? 'true' : 'false'));
}

sub main::besluittype {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.besluittype (uuid, catalogus, omschrijving,"
        . " publicatie_indicatie, begin_geldigheid, concept) VALUES"
        . " (%s, %s, %s, false, '2024-01-01', %s)",
        main::q($a{uuid}), main::q($a{catalogus} // $ID{C1}),
        main::q($a{omschrijving} // 'Besluit'),
        $a{concept} // 1 ? 'true' : 'false'));
}

sub main::statustype {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.statustype (uuid, zaaktype, omschrijving,"
        . " volgnummer) VALUES (%s, %s, %s, %d)",
        main::q($a{uuid}), main::q($a{zaaktype} // $ID{Z1}),
        main::q($a{omschrijving} // 'Status'), $a{volgnummer} // 1));
}

sub main::roltype {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.roltype (uuid, zaaktype, omschrijving,"
        . " omschrijving_generiek) VALUES (%s, %s, %s, 'behandelaar')",
        main::q($a{uuid}), main::q($a{zaaktype} // $ID{Z1}),
        main::q($a{omschrijving} // 'Behandelaar')));
}

sub main::resultaattype {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.resultaattype (uuid, zaaktype, omschrijving,"
        . " resultaattypeomschrijving, omschrijving_generiek,"
        . " selectielijstklasse, selectielijst_procestype, archiefnominatie)"
        . " VALUES (%s, %s, %s, %s, 'Ingetrokken', %s, %s, 'blijvend_bewaren')",
        main::q($a{uuid}), main::q($a{zaaktype} // $ID{Z1}),
        main::q($a{omschrijving} // 'Resultaat'),
        main::q("$SL/resultaattypeomschrijvingen/a6a0bd73-262a-401a-b629-9c4a908c69b5"),
        main::q("$SL/resultaten/6d37598e-30f0-4aef-930d-3e1690725d95"),
        main::q("$SL/procestypen/b594c8d1-ea6a-4bcd-a6aa-2c7a8ad3fe5b")));
}

sub main::eigenschap {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.eigenschap (uuid, zaaktype, naam, definitie,"
        . " specificatie) VALUES (%s, %s, %s, 'Definitie',"
        . " '{\"groep\": \"\", \"formaat\": \"tekst\", \"lengte\": \"10\","
        . " \"kardinaliteit\": \"1\", \"waardenverzameling\": []}')",
        main::q($a{uuid}), main::q($a{zaaktype} // $ID{Z1}),
        main::q($a{naam} // 'Eigenschap')));
}

sub main::zaakobjecttype {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.zaakobjecttype (uuid, zaaktype,"
        . " ander_objecttype, objecttype, relatie_omschrijving) VALUES"
        . " (%s, %s, false, 'https://objecttypen.example/api/v2/objecttypes/1', %s)",
        main::q($a{uuid}), main::q($a{zaaktype} // $ID{Z1}),
        main::q($a{relatie} // 'Object')));
}

sub main::ztiot {
    my (%a) = @_;
    main::run_sql(sprintf(
        "INSERT INTO catalogi.zaaktypeinformatieobjecttype (uuid, zaaktype,"
        . " informatieobjecttype, volgnummer, richting) VALUES"
        . " (%s, %s, %s, %d, 'inkomend')",
        main::q($a{uuid}), main::q($a{zaaktype} // $ID{Z1}),
        main::q($a{informatieobjecttype} // 'Document'), $a{volgnummer} // 1));
}

# One concept object of every resource, under the uuids of %ID.
sub main::base {
    main::catalogus(uuid => $ID{C1});
    main::zaaktype(uuid => $ID{Z1});
    main::iot(uuid => $ID{I1});
    main::besluittype(uuid => $ID{B1});
    main::statustype(uuid => $ID{ST1});
    main::roltype(uuid => $ID{RT1});
    main::resultaattype(uuid => $ID{RS1});
    main::eigenschap(uuid => $ID{EG1});
    main::zaakobjecttype(uuid => $ID{ZO1});
    main::ztiot(uuid => $ID{ZI1});
    return;
}

# The uuid of row N (1..4) of the list fixture of a collection.
sub main::row {
    my ($collection, $n) = @_;
    my %prefix = (catalogussen => 'd1', zaaktypen => 'd2',
        informatieobjecttypen => 'd3', besluittypen => 'd4',
        statustypen => 'd5', roltypen => 'd6', resultaattypen => 'd7',
        eigenschappen => 'd8', zaakobjecttypen => 'd9',
        'zaaktype-informatieobjecttypen' => 'da');
    return sprintf('%s000000-0000-4000-8000-%012d', $prefix{$collection}, $n);
}

# Four rows of one collection, inserted in the order 1..4, that the list
# shows without filters: published types, and types below a published
# zaaktype (ZGW-INVENTORY C7: lists default to concept=false).
sub main::published_rows {
    my ($collection) = @_;
    my $pz = 'c2000000-0000-4000-8000-000000000002';
    main::catalogus(uuid => $ID{C1});
    main::zaaktype(uuid => $pz, identificatie => 'ZT-GEPUBLICEERD', concept => 0)
        unless $collection eq 'catalogussen' || $collection eq 'zaaktypen';
    main::iot(uuid => $ID{I1}, concept => 0)
        if $collection eq 'zaaktype-informatieobjecttypen';
    for my $n (1 .. 4) {
        my $u = main::row($collection, $n);
        if ($collection eq 'catalogussen') {
            main::catalogus(uuid => $u, domein => "DOM$n", naam => "Catalogus $n");
        } elsif ($collection eq 'zaaktypen') {
            main::zaaktype(uuid => $u, identificatie => "ZT-$n", concept => 0);
        } elsif ($collection eq 'informatieobjecttypen') {
            main::iot(uuid => $u, omschrijving => "Document $n", concept => 0);
        } elsif ($collection eq 'besluittypen') {
            main::besluittype(uuid => $u, omschrijving => "Besluit $n", concept => 0);
        } elsif ($collection eq 'statustypen') {
            main::statustype(uuid => $u, zaaktype => $pz, volgnummer => $n);
        } elsif ($collection eq 'roltypen') {
            main::roltype(uuid => $u, zaaktype => $pz, omschrijving => "Rol $n");
        } elsif ($collection eq 'resultaattypen') {
            main::resultaattype(uuid => $u, zaaktype => $pz, omschrijving => "Resultaat $n");
        } elsif ($collection eq 'eigenschappen') {
            main::eigenschap(uuid => $u, zaaktype => $pz, naam => "Eigenschap$n");
        } elsif ($collection eq 'zaakobjecttypen') {
            main::zaakobjecttype(uuid => $u, zaaktype => $pz, relatie => "Object $n");
        } else {
            main::ztiot(uuid => $u, zaaktype => $pz, volgnummer => $n);
        }
    }
    return;
}

#------------------------------------------------------------------------
# HTTP from --- init (to learn an ETag, or to change objects through the
# API before the block's requests)
#------------------------------------------------------------------------

sub main::port {
    my $p = eval { Test::Nginx::Socket::server_port_for_client() };
    return $p || $ENV{TEST_NGINX_SERVER_PORT} || $ENV{TEST_NGINX_PORT} || 1984;
}

# main::http(METHOD, PATH, who => WHO, body => JSON, host => H,
#            headers => [...]) -> { status, headers => {lc => v}, body }
sub main::http {
    my ($method, $path, %a) = @_;
    require IO::Socket::INET;
    require IO::Select;
    require Time::HiRes;
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
                                     PeerPort => main::port(),
                                     Proto => 'tcp', Timeout => 5)
        or die "cannot connect: $@\n";
    binmode $sock;
    my $body = $a{body} // '';
    utf8::encode($body) if utf8::is_utf8($body);
    my $req = "$method $path HTTP/1.1\r\nHost: " . ($a{host} // 'localhost')
        . "\r\nConnection: close\r\n";
    $req .= OZ::Test::oz_bearer(client_id => $a{who},
                                secret => "$a{who}-secret") . "\r\n"
        if defined $a{who};
    $req .= "Content-Type: application/json\r\n" if length $body;
    $req .= "$_\r\n" for @{ $a{headers} || [] };
    $req .= 'Content-Length: ' . length($body) . "\r\n" if length $body;
    $req .= "\r\n$body";
    syswrite($sock, $req) == length $req or die "short write\n";
    my $buf = '';
    my $sel = IO::Select->new($sock);
    my $deadline = Time::HiRes::time() + 10;
    for (;;) {
        my $left = $deadline - Time::HiRes::time();
        die "no complete answer to $method $path\n"
            if $left <= 0 || !$sel->can_read($left);
        my $n = sysread $sock, $buf, 65536, length $buf;
        last if !$n;
    }
    close $sock;
    my ($head, $rest) = split /\r\n\r\n/, $buf, 2;
    my @lines = split /\r\n/, $head // '';
    my ($status) = (shift(@lines) // '') =~ m{^HTTP/\d\.\d (\d{3})};
    my %h;
    for (@lines) {
        my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
        $h{lc $k} = defined $h{lc $k} ? "$h{lc $k}, $v" : $v;
    }
    return { status => $status // 0, headers => \%h, body => $rest // '' };
}

# The ETag of a detail, read with the superuser token.
sub main::etag {
    my ($path, %a) = @_;
    my $r = main::http(GET => $path, who => 'super', %a);
    die "GET $path: $r->{status}, no ETag\n"
        unless $r->{status} == 200 && defined $r->{headers}{etag};
    return $r->{headers}{etag};
}

# A write through the API that must succeed (or give $want).
sub main::api {
    my ($method, $path, $body, $want, %a) = @_;
    my $r = main::http($method, $path, who => $a{who} // 'super',
                       body => $body);
    Test::More::is($r->{status}, $want, "init: $method $path is $want")
        or Test::More::diag($r->{body});
    return $r;
}

# HEAD must answer what GET answers, without the body (standard,
# HTTP-Caching): same status and headers (Date aside), Content-Length of
# the GET body, nothing after the header block.
sub main::head_matches_get {
    my ($path) = @_;
    my $get  = main::http(GET  => $path, who => 'super');
    my $head = main::http(HEAD => $path, who => 'super');
    my %g = %{ $get->{headers} };
    my %h = %{ $head->{headers} };
    delete $g{date};
    delete $h{date};
    Test::More::is($head->{status}, $get->{status}, "HEAD $path: status of GET");
    Test::More::is_deeply(\%h, \%g, "HEAD $path: headers of GET");
    Test::More::is($head->{body}, '', "HEAD $path: no body");
    return;
}

#------------------------------------------------------------------------
# --- db_unchanged (sql_check / sql_check_out come from OZ::Test)
#------------------------------------------------------------------------

our $FINGERPRINT_SQL = join "\n UNION ALL ", map {
    "SELECT '$_ ' || t::text FROM $_ t"
} qw(catalogi.catalogus catalogi.zaaktype catalogi.informatieobjecttype
     catalogi.besluittype catalogi.statustype catalogi.roltype
     catalogi.resultaattype catalogi.eigenschap catalogi.zaakobjecttype
     catalogi.zaaktypeinformatieobjecttype zgw.notificatie);
$FINGERPRINT_SQL = "SELECT md5(coalesce(string_agg(x, E'\\n' ORDER BY x), ''))"
    . " FROM ($FINGERPRINT_SQL) s(x)";

our $SNAPSHOT;

sub main::snapshot {
    $SNAPSHOT = OZ::Test::oz_psql($FINGERPRINT_SQL);
    return;
}

add_response_body_check(sub {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $sfx = "(repeated req $rep_idx, req $req_idx)";

    # after the last response: no request of the block changed anything
    my $reqs = $block->request;
    my $last = (ref $reqs eq 'ARRAY' ? @$reqs : 1) - 1;
    if (defined $block->db_unchanged && $req_idx == $last) {
        my $desc = $block->name . " - db_unchanged ok $sfx";
        if ($dry_run) {
            SKIP: { Test::More::skip("$desc: $dry_run", 1) }
        } else {
            my $now = eval { OZ::Test::oz_psql($FINGERPRINT_SQL) };
            Test::More::ok(defined $SNAPSHOT && defined $now
                           && $now eq $SNAPSHOT, $desc)
                or Test::More::diag(defined $SNAPSHOT
                    ? "the catalogi tables or the outbox changed"
                    : "main::snapshot() was not called in --- init");
        }
    }
});

# Defaults: nothing bad in the log; API-version 1.3.1 on every answer.
add_block_preprocessor(sub {
    my ($block) = @_;
    $block->set_value(no_error_log => "[alert]\n[crit]\n[emerg]")
        unless defined $block->no_error_log;

    my $rh = $block->response_headers;
    if (!defined $rh) {
        $block->set_value(response_headers =>
                          OZ::Test::oz_each($block, "API-version: 1.3.1\n"));
    } elsif (ref $rh eq 'ARRAY') {
        # (no empty line: upstream's header parser warns about it)
        $block->set_value(response_headers => [map {
            /^API-version:/mi ? $_
                              : s/\n*\z/\n/r . "API-version: 1.3.1\n" } @$rh]);
    } elsif ($rh !~ /^API-version:/mi) {
        $block->set_value(response_headers =>
                          $rh =~ s/\n*\z/\n/r . "API-version: 1.3.1\n");
    }
});

run_tests();

__DATA__

=== TEST 1: heeftAlleAutorisaties: every list and every detail of the ten resources
--- init
main::seed(base => 1);
--- request eval
[main::lists(), main::details()]
--- more_headers eval
main::hdr('super')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
_OZ_EACH_
--- response_body_like eval
[(map { qr/\A\{"count":\s*[0-9]+,/ } 1 .. 10),
 (map { my $u = "$main::BASE/$_->[0]/$_->[1]"; qr/\A\{"url":\s*"\Q$u\E"/ } @main::RES)]



=== TEST 2: catalogi.lezen: every list, detail and HEAD
--- init
main::seed(base => 1);
--- request eval
[main::reads()]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 30]
--- response_headers eval
[(<<'_OZ_EACH_') x 30]
Content-Type: application/json
_OZ_EACH_
--- response_body_like eval
[(map { qr/\A\{"count":/ } 1 .. 10),
 (map { my $u = "$main::BASE/$_->[0]/$_->[1]"; qr/\A\{"url":\s*"\Q$u\E"/ } @main::RES),
 (map { qr/\A\z/ } 1 .. 10)]



=== TEST 3: catalogi.lezen may not create anything: 403 before the body is looked at, nothing stored
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{}')]
--- more_headers eval
main::hdr_json('lezer')
--- error_code eval
[(403) x 10]
--- response_headers eval
[(<<'_OZ_EACH_') x 10]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "permission_denied", "status": 403,
 "title": "Je hebt geen toestemming om deze actie uit te voeren.",
 "type": "http://localhost/ref/fouten/PermissionDenied/",
 "instance": "/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/"}
--- json_absent
invalidParams
--- db_unchanged



=== TEST 4: catalogi.lezen may not update, patch, delete or publish
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::puts('{}'), main::patches(), main::deletes(), main::publishes()]
--- more_headers eval
main::hdr_json('lezer')
--- error_code eval
[(403) x 30]
--- response_headers eval
[(<<'_OZ_EACH_') x 30]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "permission_denied", "status": 403}
--- db_unchanged



=== TEST 5: catalogi.lezen: a refused create is 403 also with malformed JSON
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{"omschrijving": ')]
--- more_headers eval
main::hdr_json('lezer')
--- error_code eval
[(403) x 10]
--- json_subset
{"code": "permission_denied"}
--- db_unchanged



=== TEST 6: catalogi.lezen: a refused create is 403 also with a non-JSON content type
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('omschrijving=x')]
--- more_headers eval
main::hdr('lezer', 'Content-Type: application/x-www-form-urlencoded')
--- error_code eval
[(403) x 10]
--- json_subset
{"code": "permission_denied"}
--- db_unchanged



=== TEST 7: catalogi.schrijven alone may not list, read or HEAD
--- init
main::seed(base => 1);
--- request eval
[main::reads()]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(403) x 30]
--- response_body_like eval
[(map { qr/"code":\s*"permission_denied"/ } 1 .. 20), (map { qr/\A\z/ } 1 .. 10)]



=== TEST 8: catalogi.schrijven may create every resource (an empty body gets to validation: 400, nothing stored)
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{}')]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 10]
--- response_headers eval
[(<<'_OZ_EACH_') x 10]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "invalid", "status": 400, "title": "Ongeldige invoer.",
 "invalidParams": "/\"code\":\"required\"/"}
--- db_unchanged



=== TEST 9: catalogi.schrijven may patch every writable resource
--- init
main::seed(base => 1);
--- request eval
[main::patches()]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(200) x 9]
--- response_headers eval
[(<<'_OZ_EACH_') x 9]
Content-Type: application/json
_OZ_EACH_
--- response_body_like eval
[map { my $u = "$main::BASE/$_->[0]/$_->[1]"; qr/\A\{"url":\s*"\Q$u\E"/ } @main::WRITABLE]
--- sql_check eval
[map { "SELECT count(*) FROM zgw.notificatie" } 1 .. 9]
--- sql_check_out eval
[1, 2, 3, 3, 3, 3, 3, 3, 3]



=== TEST 10: catalogi.schrijven may delete every concept
--- init
main::seed(base => 1);
--- request eval
[main::deletes()]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(204) x 9]
--- response_body eval
[map { '' } 1 .. 9]
--- sql_check
SELECT (SELECT count(*) FROM catalogi.zaaktype)
     + (SELECT count(*) FROM catalogi.informatieobjecttype)
     + (SELECT count(*) FROM catalogi.besluittype)
     + (SELECT count(*) FROM catalogi.statustype)
     + (SELECT count(*) FROM catalogi.roltype)
     + (SELECT count(*) FROM catalogi.resultaattype)
     + (SELECT count(*) FROM catalogi.eigenschap)
     + (SELECT count(*) FROM catalogi.zaakobjecttype)
     + (SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype)
--- sql_check_out eval
[8, 7, 6, 5, 4, 3, 2, 1, 0]



=== TEST 11: catalogi.schrijven may publish (the zaaktype once its relations are published; Open Zaak's minimums are off by default)
--- init
main::seed(base => 1);
--- request eval
["POST $main::API/zaaktypen/$main::ID{Z1}/publish",
 "POST $main::API/informatieobjecttypen/$main::ID{I1}/publish",
 "POST $main::API/besluittypen/$main::ID{B1}/publish",
 "POST $main::API/zaaktypen/$main::ID{Z1}/publish"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[400, 200, 200, 200]
--- response_body_like eval
[qr/"code":\s*"concept-relation"/, qr/"concept":\s*false/,
 qr/"concept":\s*false/, qr/"concept":\s*false/]
--- sql_check
SELECT (SELECT concept FROM catalogi.informatieobjecttype),
       (SELECT concept FROM catalogi.besluittype),
       (SELECT concept FROM catalogi.zaaktype)
--- sql_check_out eval
["t|t|t", "f|t|t", "f|f|t", "f|f|f"]



=== TEST 12: catalogi.geforceerd-schrijven may not create catalogus, zaaktype, informatieobjecttype or besluittype
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{}', \@main::MAIN)]
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(403) x 4]
--- json_subset
{"code": "permission_denied", "status": 403}
--- db_unchanged



=== TEST 13: catalogi.geforceerd-schrijven may create the types below a zaaktype (400 on an empty body, not 403)
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{}', \@main::SUB)]
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(400) x 6]
--- json_subset
{"code": "invalid", "status": 400}
--- db_unchanged



=== TEST 14: catalogi.geforceerd-schrijven may patch every writable resource
--- init
main::seed(base => 1);
--- request eval
[main::patches()]
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(200) x 9]
--- response_body_like eval
[map { my $u = "$main::BASE/$_->[0]/$_->[1]"; qr/\A\{"url":\s*"\Q$u\E"/ } @main::WRITABLE]



=== TEST 15: catalogi.geforceerd-schrijven may update (an empty PUT body gets to validation)
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::puts('{}')]
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(400) x 9]
--- json_subset
{"code": "invalid", "status": 400}
--- db_unchanged



=== TEST 16: catalogi.geforceerd-schrijven may not delete, publish or read
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::deletes(), main::publishes(), main::lists(), main::details()]
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(403) x 32]
--- json_subset
{"code": "permission_denied", "status": 403}
--- db_unchanged



=== TEST 17: catalogi.geforceerd-verwijderen may delete every concept
--- init
main::seed(base => 1);
--- request eval
[main::deletes()]
--- more_headers eval
main::hdr('verwijderaar')
--- error_code eval
[(204) x 9]
--- sql_check eval
[map { "SELECT count(*) FROM catalogi.zaaktype" } 1 .. 9]
--- sql_check_out eval
[1, 1, 1, 1, 1, 1, 1, 1, 0]



=== TEST 18: catalogi.geforceerd-verwijderen may not create, update, patch, publish or read
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{}'), main::puts('{}'), main::patches(), main::publishes(),
 main::lists(), main::details()]
--- more_headers eval
main::hdr_json('verwijderaar')
--- error_code eval
[(403) x 51]
--- json_subset
{"code": "permission_denied", "status": 403}
--- db_unchanged



=== TEST 19: ztc-014: zaken.lezen reads the catalogi as catalogi.lezen (lists, details, HEAD)
--- init
main::seed(base => 1);
--- request eval
[main::reads()]
--- more_headers eval
main::hdr('zaaklezer')
--- error_code eval
[(200) x 30]
--- response_body_like eval
[(map { qr/\A\{"count":/ } 1 .. 10),
 (map { my $u = "$main::BASE/$_->[0]/$_->[1]"; qr/\A\{"url":\s*"\Q$u\E"/ } @main::RES),
 (map { qr/\A\z/ } 1 .. 10)]



=== TEST 20: ztc-014: documenten.lezen reads the catalogi as catalogi.lezen (lists, details, HEAD)
--- init
main::seed(base => 1);
--- request eval
[main::reads()]
--- more_headers eval
main::hdr('documentlezer')
--- error_code eval
[(200) x 30]
--- response_body_like eval
[(map { qr/\A\{"count":/ } 1 .. 10),
 (map { my $u = "$main::BASE/$_->[0]/$_->[1]"; qr/\A\{"url":\s*"\Q$u\E"/ } @main::RES),
 (map { qr/\A\z/ } 1 .. 10)]



=== TEST 21: ztc-014: zaken.lezen does not allow writes
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{}'), main::patches(), main::deletes(), main::publishes()]
--- more_headers eval
main::hdr_json('zaaklezer')
--- error_code eval
[(403) x 31]
--- json_subset
{"code": "permission_denied"}
--- db_unchanged



=== TEST 22: ztc-014: documenten.lezen does not allow writes
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{}'), main::patches(), main::deletes(), main::publishes()]
--- more_headers eval
main::hdr_json('documentlezer')
--- error_code eval
[(403) x 31]
--- json_subset
{"code": "permission_denied"}
--- db_unchanged



=== TEST 23: other zaken and documenten scopes do not read the catalogi
--- init
main::seed(base => 1);
--- request eval
[main::lists(), main::details()]
--- more_headers eval
main::hdr('zaakschrijver')
--- error_code eval
[(403) x 20]
--- json_subset
{"code": "permission_denied"}



=== TEST 24: catalogi scopes under another component (zrc, drc, brc, ac) count for nothing
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::lists(), main::details(), main::creates('{}'), main::patches(),
 main::deletes(), main::publishes()]
--- more_headers eval
main::hdr_json('elders')
--- error_code eval
[(403) x 51]
--- json_subset
{"code": "permission_denied"}
--- db_unchanged



=== TEST 25: without a token every operation is 403 and changes nothing
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::lists(), main::details(), main::creates('{}'), main::puts('{}'),
 main::patches(), main::deletes(), main::publishes()]
--- more_headers eval
main::hdr_json(undef)
--- error_code eval
[(403) x 60]
--- response_headers eval
[(<<'_OZ_EACH_') x 60]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "permission_denied", "status": 403}
--- db_unchanged



=== TEST 26: ETag: every detail GET has a strong ETag; HEAD answers the GET headers without a body
--- init
main::seed(base => 1);
main::head_matches_get("$main::API/$_->[0]/$_->[1]") for @main::RES;
--- request eval
[main::details(), main::heads()]
--- more_headers eval
main::hdr('super')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
_OZ_EACH_
--- response_headers_like eval
[(<<'_OZ_EACH_') x 20]
ETag: "[^"]+"
_OZ_EACH_
--- response_body_like eval
[(map { qr/\A\{"url":/ } 1 .. 10), (map { qr/\A\z/ } 1 .. 10)]



=== TEST 27: If-None-Match with the current ETags (a list of all ten) gives 304 on GET and HEAD, also after refused writes
--- init
main::seed(base => 1);
$main::ETAGS = join ', ',
    map { main::etag("$main::API/$_->[0]/$_->[1]") } @main::RES;
# refused writes (403, 400) change no representation
main::api(PATCH => "$main::API/$_->[0]/$_->[1]", $_->[2], 403, who => 'lezer')
    for @main::WRITABLE;
main::api(PATCH => "$main::API/$_->[0]/$_->[1]", '[]', 400)
    for @main::WRITABLE;
--- request eval
[main::details(), main::heads()]
--- more_headers eval
sub { main::hdr('super') . "If-None-Match: $main::ETAGS\n" }
--- error_code eval
[(304) x 20]
--- response_headers_like eval
[(<<'_OZ_EACH_') x 20]
ETag: "[^"]+"
_OZ_EACH_
--- response_body eval
[map { '' } 1 .. 20]



=== TEST 28: If-None-Match with other ETags: 200 with the body
--- init
main::seed(base => 1);
--- request eval
[main::details(), main::heads()]
--- more_headers eval
main::hdr('super') . qq{If-None-Match: "79054025255fb1a26e4bc422aef54eb4", "e4d909c290d0fb1ca068ffaddf22cbd0"\n}
--- error_code eval
[(200) x 20]
--- response_headers_like eval
[(<<'_OZ_EACH_') x 20]
ETag: "[^"]+"
_OZ_EACH_
--- response_body_like eval
[(map { qr/\A\{"url":/ } 1 .. 10), (map { qr/\A\z/ } 1 .. 10)]



=== TEST 29: the ETag changes after an update: the old ETags give 200
--- init
main::seed(base => 1);
$main::ETAGS = join ', ',
    map { main::etag("$main::API/$_->[0]/$_->[1]") } @main::WRITABLE;
main::api(PATCH => "$main::API/$_->[0]/$_->[1]", $_->[2], 200)
    for @main::WRITABLE;
--- request eval
[map { "GET $main::API/$_->[0]/$_->[1]" } @main::WRITABLE]
--- more_headers eval
sub { main::hdr('super') . "If-None-Match: $main::ETAGS\n" }
--- error_code eval
[(200) x 9]
--- response_headers_like eval
[(<<'_OZ_EACH_') x 9]
ETag: "[^"]+"
_OZ_EACH_
--- response_body_like eval
[map { qr/Gewijzigd|uitgaand/ } 1 .. 9]



=== TEST 30: the ETag follows the representation: a zaaktype gets a statustype, the old last statustype is no longer the eindstatus
--- init
main::seed(base => 1);
$main::ETAGS = join ', ',
    map { main::etag($_) } "$main::API/zaaktypen/$main::ID{Z1}",
                           "$main::API/statustypen/$main::ID{ST1}";
main::api(POST => "$main::API/statustypen",
    qq{{"zaaktype": "$main::BASE/zaaktypen/$main::ID{Z1}",
        "omschrijving": "Afgerond", "volgnummer": 2}}, 201);
--- request eval
["GET $main::API/zaaktypen/$main::ID{Z1}",
 "GET $main::API/statustypen/$main::ID{ST1}"]
--- more_headers eval
sub { main::hdr('super') . "If-None-Match: $main::ETAGS\n" }
--- error_code eval
[(200) x 2]
--- response_body_like eval
[qr/"statustypen":\s*\["[^"]+",\s*"[^"]+"\]/, qr/"isEindstatus":\s*false/]



=== TEST 31: the ETag follows the representation: a zaaktype's identificatie shows in the types below it
--- init
main::seed(base => 1);
$main::ETAGS = join ', ',
    map { main::etag("$main::API/$_->[0]/$_->[1]") } @main::SUB;
main::api(PATCH => "$main::API/zaaktypen/$main::ID{Z1}",
          '{"identificatie": "ZT-NIEUW"}', 200);
--- request eval
[map { "GET $main::API/$_->[0]/$_->[1]" } @main::SUB]
--- more_headers eval
sub { main::hdr('super') . "If-None-Match: $main::ETAGS\n" }
--- error_code eval
[(200) x 6]
--- response_headers_like eval
[(<<'_OZ_EACH_') x 6]
ETag: "[^"]+"
_OZ_EACH_
--- json_subset
{"zaaktypeIdentificatie": "ZT-NIEUW"}



=== TEST 32: the ETag follows the representation: a catalogus gets a (published) informatieobjecttype
--- init
main::seed(base => 1);
$main::ETAGS = main::etag("$main::API/catalogussen/$main::ID{C1}");
my $r = main::api(POST => "$main::API/informatieobjecttypen",
    qq{{"catalogus": "$main::BASE/catalogussen/$main::ID{C1}",
        "omschrijving": "Nieuw", "vertrouwelijkheidaanduiding": "openbaar",
        "beginGeldigheid": "2024-02-01",
        "informatieobjectcategorie": "Categorie"}}, 201);
my ($path) = ($r->{headers}{location} // '') =~ m{^https?://[^/]+(/.*)$};
main::api(POST => "$path/publish", '', 200) if defined $path;
--- request
GET /catalogi/api/v1/catalogussen/c1000000-0000-4000-8000-000000000001
--- more_headers eval
sub { main::hdr('super') . "If-None-Match: $main::ETAGS\n" }
--- error_code: 200
--- response_body_like: "informatieobjecttypen":\s*\["[^"]+",\s*"[^"]+"\]



=== TEST 33: the ETag depends on the Host (another representation): the ETag of localhost is not current for another host
--- init
main::seed(base => 1);
$main::ETAGS = main::etag("$main::API/zaaktypen/$main::ID{Z1}");
--- request
GET /catalogi/api/v1/zaaktypen/c2000000-0000-4000-8000-000000000001
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => 'super-secret')
. "\nHost: zaken.example:8080\nIf-None-Match: $main::ETAGS\n" }
--- error_code: 200
--- json_subset
{"url": "http://zaken.example:8080/catalogi/api/v1/zaaktypen/c2000000-0000-4000-8000-000000000001"}



=== TEST 34: HEAD of an unknown object is 404, HEAD without a token 403; neither has a body
--- init
main::seed(base => 1);
--- request eval
[(map { "HEAD $main::API/$_->[0]/$main::ID{NONE}" } @main::RES)]
--- more_headers eval
main::hdr('super')
--- error_code eval
[(404) x 10]
--- response_headers eval
[(<<'_OZ_EACH_') x 10]
Content-Type: application/problem+json
_OZ_EACH_
--- response_body eval
[map { '' } 1 .. 10]



=== TEST 35: HEAD without a token is 403 without a body
--- init
main::seed(base => 1);
--- request eval
[main::heads()]
--- more_headers eval
main::hdr(undef)
--- error_code eval
[(403) x 10]
--- response_headers eval
[(<<'_OZ_EACH_') x 10]
Content-Type: application/problem+json
!ETag
_OZ_EACH_
--- response_body eval
[map { '' } 1 .. 10]



=== TEST 36: pagination of catalogussen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'catalogussen');
--- request
GET /catalogi/api/v1/catalogussen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 5,
  next => "$main::BASE/catalogussen?page=3&pageSize=1",
  previous => "$main::BASE/catalogussen?pageSize=1",
  results => [{ url => "$main::BASE/catalogussen/" . main::row('catalogussen', 3) }] }



=== TEST 37: pagination of zaaktypen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'zaaktypen');
--- request
GET /catalogi/api/v1/zaaktypen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/zaaktypen?page=3&pageSize=1",
  previous => "$main::BASE/zaaktypen?pageSize=1",
  results => [{ url => "$main::BASE/zaaktypen/" . main::row('zaaktypen', 3) }] }



=== TEST 38: pagination of informatieobjecttypen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'informatieobjecttypen');
--- request
GET /catalogi/api/v1/informatieobjecttypen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/informatieobjecttypen?page=3&pageSize=1",
  previous => "$main::BASE/informatieobjecttypen?pageSize=1",
  results => [{ url => "$main::BASE/informatieobjecttypen/" . main::row('informatieobjecttypen', 3) }] }



=== TEST 39: pagination of besluittypen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'besluittypen');
--- request
GET /catalogi/api/v1/besluittypen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/besluittypen?page=3&pageSize=1",
  previous => "$main::BASE/besluittypen?pageSize=1",
  results => [{ url => "$main::BASE/besluittypen/" . main::row('besluittypen', 3) }] }



=== TEST 40: pagination of statustypen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'statustypen');
--- request
GET /catalogi/api/v1/statustypen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/statustypen?page=3&pageSize=1",
  previous => "$main::BASE/statustypen?pageSize=1",
  results => [{ url => "$main::BASE/statustypen/" . main::row('statustypen', 3) }] }



=== TEST 41: pagination of roltypen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'roltypen');
--- request
GET /catalogi/api/v1/roltypen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/roltypen?page=3&pageSize=1",
  previous => "$main::BASE/roltypen?pageSize=1",
  results => [{ url => "$main::BASE/roltypen/" . main::row('roltypen', 3) }] }



=== TEST 42: pagination of resultaattypen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'resultaattypen');
--- request
GET /catalogi/api/v1/resultaattypen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/resultaattypen?page=3&pageSize=1",
  previous => "$main::BASE/resultaattypen?pageSize=1",
  results => [{ url => "$main::BASE/resultaattypen/" . main::row('resultaattypen', 3) }] }



=== TEST 43: pagination of eigenschappen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'eigenschappen');
--- request
GET /catalogi/api/v1/eigenschappen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/eigenschappen?page=3&pageSize=1",
  previous => "$main::BASE/eigenschappen?pageSize=1",
  results => [{ url => "$main::BASE/eigenschappen/" . main::row('eigenschappen', 3) }] }



=== TEST 44: pagination of zaakobjecttypen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'zaakobjecttypen');
--- request
GET /catalogi/api/v1/zaakobjecttypen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/zaakobjecttypen?page=3&pageSize=1",
  previous => "$main::BASE/zaakobjecttypen?pageSize=1",
  results => [{ url => "$main::BASE/zaakobjecttypen/" . main::row('zaakobjecttypen', 3) }] }



=== TEST 45: pagination of zaaktype-informatieobjecttypen: page 2 of 4 with pageSize=1, newest first
--- init
main::seed(rows => 'zaaktype-informatieobjecttypen');
--- request
GET /catalogi/api/v1/zaaktype-informatieobjecttypen?pageSize=1&page=2
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4,
  next => "$main::BASE/zaaktype-informatieobjecttypen?page=3&pageSize=1",
  previous => "$main::BASE/zaaktype-informatieobjecttypen?pageSize=1",
  results => [{ url => "$main::BASE/zaaktype-informatieobjecttypen/" . main::row('zaaktype-informatieobjecttypen', 3) }] }



=== TEST 46: the last page: next null, previous with its page number
--- init
main::seed(rows => 'roltypen');
--- request
GET /catalogi/api/v1/roltypen?page=2&pageSize=3
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 4, next => undef,
  previous => "$main::BASE/roltypen?pageSize=3",
  results => [{ url => "$main::BASE/roltypen/" . main::row('roltypen', 1) }] }



=== TEST 47: page=1 is the same as no page: previous null, the newest first
--- init
main::seed(rows => 'zaaktypen');
--- request eval
["GET $main::API/zaaktypen?pageSize=2", "GET $main::API/zaaktypen?page=1&pageSize=2"]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
{ count => 4, previous => undef,
  next => "$main::BASE/zaaktypen?page=2&pageSize=2",
  results => [{ url => "$main::BASE/zaaktypen/" . main::row('zaaktypen', 4) },
              { url => "$main::BASE/zaaktypen/" . main::row('zaaktypen', 3) }] }



=== TEST 48: pagination links use the Host of the request, with its port, and keep the filters
--- init
main::seed(rows => 'roltypen');
--- request
GET /catalogi/api/v1/roltypen?zaaktypeIdentificatie=ZT-GEPUBLICEERD&page=2&pageSize=1
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'lezer', secret => 'lezer-secret')
. "\nHost: catalogi.example:8443\n"
--- error_code: 200
--- json_subset
{"count": 4,
 "next": "http://catalogi.example:8443/catalogi/api/v1/roltypen?page=3&pageSize=1&zaaktypeIdentificatie=ZT-GEPUBLICEERD",
 "previous": "http://catalogi.example:8443/catalogi/api/v1/roltypen?pageSize=1&zaaktypeIdentificatie=ZT-GEPUBLICEERD",
 "results": [{"url": "http://catalogi.example:8443/catalogi/api/v1/roltypen/d6000000-0000-4000-8000-000000000003"}]}



=== TEST 49: the default page size is 100
--- init
main::seed();
main::catalogus(uuid => $main::ID{C1});
OZ::Test::oz_psql(q{INSERT INTO catalogi.catalogus (uuid, domein, rsin,
    contactpersoon_beheer_naam) SELECT gen_random_uuid(), 'D' || i,
    '517439943', 'Beheerder' FROM generate_series(1, 100) i});
--- request eval
["GET $main::API/catalogussen", "GET $main::API/catalogussen?page=2"]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- response_body_like eval
[qr{\A\{"count":\s*101,\s*"next":\s*"http://localhost/catalogi/api/v1/catalogussen\?page=2",\s*"previous":\s*null,},
 qr{\A\{"count":\s*101,\s*"next":\s*null,\s*"previous":\s*"http://localhost/catalogi/api/v1/catalogussen",\s*"results":\s*\[\{"url":\s*"http://localhost/catalogi/api/v1/catalogussen/c1000000-0000-4000-8000-000000000001",}]
--- json_subset eval
{ count => 101 }



=== TEST 50: pageSize is capped at 500
--- init
main::seed();
OZ::Test::oz_psql(q{INSERT INTO catalogi.catalogus (uuid, domein, rsin,
    contactpersoon_beheer_naam) SELECT gen_random_uuid(), 'D' || i,
    '517439943', 'Beheerder' FROM generate_series(1, 501) i});
--- request
GET /catalogi/api/v1/catalogussen?pageSize=1000
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{ count => 501,
  next => "$main::BASE/catalogussen?page=2&pageSize=1000",
  previous => undef,
  results => [ map { {} } 1 .. 500 ] }



=== TEST 51: every list is paginated and may be empty
--- init
main::seed();
--- request eval
[main::lists(), map { "GET $main::API/$_->[0]?page=1" } @main::RES]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
_OZ_EACH_
--- json_subset
{"count": 0, "next": null, "previous": null, "results": []}



=== TEST 52: a page beyond the last, page=0 and page=abc are 404 "Ongeldige pagina." on every list
--- init
main::seed(base => 1);
--- request eval
[map { ("GET $main::API/$_->[0]?page=2", "GET $main::API/$_->[0]?page=3&pageSize=1",
        "GET $main::API/$_->[0]?page=0", "GET $main::API/$_->[0]?page=abc") } @main::RES]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(404) x 40]
--- response_headers eval
[(<<'_OZ_EACH_') x 40]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "not_found", "status": 404, "title": "Niet gevonden.",
 "detail": "Ongeldige pagina.",
 "type": "http://localhost/ref/fouten/NotFound/"}
--- json_absent
invalidParams



=== TEST 53: an unknown query parameter is 400 unknown-parameters on every list and detail
--- init
main::seed(base => 1);
--- request eval
[(map { "GET $main::API/$_->[0]?foo=bar" } @main::RES),
 (map { "GET $main::API/$_->[0]?page=1&foo=bar" } @main::RES),
 (map { "GET $main::API/$_->[0]/$_->[1]?foo=bar" } @main::RES)]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(400) x 30]
--- response_headers eval
[(<<'_OZ_EACH_') x 30]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "invalid", "status": 400, "title": "Ongeldige invoer.",
 "type": "http://localhost/ref/fouten/ValidationError/",
 "invalidParams": [{"name": "nonFieldErrors", "code": "unknown-parameters",
                    "reason": "Onbekende query parameters: foo"}]}



=== TEST 54: POST without a Content-Type is 415, nothing stored
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{"omschrijving": "x"}')]
--- more_headers eval
main::hdr('super')
--- error_code eval
[(415) x 10]
--- response_headers eval
[(<<'_OZ_EACH_') x 10]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "unsupported_media_type", "status": 415,
 "title": "Ongeldige media type \"{media_type}\" in aanvraag.",
 "type": "http://localhost/ref/fouten/UnsupportedMediaType/"}
--- json_absent
invalidParams
--- db_unchanged



=== TEST 55: POST, PUT and PATCH with a non-JSON Content-Type are 415, nothing changed
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{"omschrijving": "x"}'), main::puts('{"omschrijving": "x"}'),
 map { "PATCH $main::API/$_->[0]/$_->[1]\n$_->[2]" } @main::WRITABLE]
--- more_headers eval
main::hdr('super', 'Content-Type: text/plain')
--- error_code eval
[(415) x 28]
--- response_headers eval
[(<<'_OZ_EACH_') x 28]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "unsupported_media_type", "status": 415,
 "detail": "Ongeldige media type \"text/plain\" in aanvraag."}
--- db_unchanged



=== TEST 56: JSON that does not parse is 400 parse_error on POST, PUT and PATCH, nothing changed
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('{"omschrijving": '), main::puts("{'omschrijving': 'x'}"),
 map { "PATCH $main::API/$_->[0]/$_->[1]\n{\"toelichting\": \"x\"" } @main::WRITABLE]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(400) x 28]
--- response_headers eval
[(<<'_OZ_EACH_') x 28]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "parse_error", "status": 400, "title": "Ongeldig samengestelde request.",
 "detail": "/^JSON parse error/",
 "type": "http://localhost/ref/fouten/ParseError/"}
--- json_absent
invalidParams
--- db_unchanged



=== TEST 57: a JSON array body is nonFieldErrors invalid on POST, PUT and PATCH, nothing changed
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[main::creates('[{"omschrijving": "x"}]'), main::puts('[]'),
 map { "PATCH $main::API/$_->[0]/$_->[1]\n[$_->[2]]" } @main::WRITABLE]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(400) x 28]
--- json_subset
{"code": "invalid", "status": 400,
 "invalidParams": [{"name": "nonFieldErrors", "code": "invalid",
     "reason": "Ongeldige data. Verwacht een dictionary, kreeg een list."}]}
--- db_unchanged



=== TEST 58: a JSON string or number body is nonFieldErrors invalid too
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
["POST $main::API/zaaktypen\n\"zaaktype\"",
 "PATCH $main::API/statustypen/$main::ID{ST1}\n42"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(400) x 2]
--- response_body_like eval
[qr/"reason":\s*"Ongeldige data\. Verwacht een dictionary, kreeg een str\."/,
 qr/"reason":\s*"Ongeldige data\. Verwacht een dictionary, kreeg een int\."/]
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "nonFieldErrors", "code": "invalid"}]}
--- db_unchanged



=== TEST 59: Content-Type application/json with a charset is JSON
--- init
main::seed(base => 1);
--- request eval
[main::patches()]
--- more_headers eval
main::hdr('super', 'Content-Type: application/json; charset=utf-8')
--- error_code eval
[(200) x 9]



=== TEST 60: Accept that excludes JSON is 406 not_acceptable (list, detail, create, update), nothing changed
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
["GET $main::API/zaaktypen", "GET $main::API/statustypen/$main::ID{ST1}",
 "POST $main::API/besluittypen\n{}",
 "PATCH $main::API/roltypen/$main::ID{RT1}\n{\"omschrijving\": \"x\"}"]
--- more_headers eval
main::hdr_json('super', 'Accept: text/html')
--- error_code eval
[(406) x 4]
--- response_headers eval
[(<<'_OZ_EACH_') x 4]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "not_acceptable", "status": 406,
 "title": "Kan niet voldoen aan de opgegeven Accept header.",
 "type": "http://localhost/ref/fouten/NotAcceptable/"}
--- db_unchanged



=== TEST 61: Accept headers that allow JSON are fine
--- init
main::seed(base => 1);
--- request eval
[main::details()]
--- more_headers eval
main::hdr('super', 'Accept: text/html;q=0.9, application/json;q=0.8, */*;q=0.1')
--- error_code eval
[(200) x 10]
--- response_headers eval
[(<<'_OZ_EACH_') x 10]
Content-Type: application/json
_OZ_EACH_




=== TEST 62: Accept */* and application/* are fine
--- init
main::seed(base => 1);
--- request eval
[main::lists()]
--- more_headers eval
main::hdr('super', 'Accept: application/*, */*')
--- error_code eval
[(200) x 10]
--- response_headers eval
[(<<'_OZ_EACH_') x 10]
Content-Type: application/json
_OZ_EACH_




=== TEST 63: 405 on the collections (PUT, PATCH, DELETE), with Allow, before authentication
--- init
main::seed();
main::snapshot();
--- request eval
[map { ("PUT $main::API/$_->[0]\n{}", "PATCH $main::API/$_->[0]\n{}",
        "DELETE $main::API/$_->[0]") } @main::RES]
--- more_headers eval
main::hdr_json(undef)
--- error_code eval
[(405) x 30]
--- response_headers eval
[(<<'_OZ_EACH_') x 30]
Content-Type: application/problem+json
_OZ_EACH_
--- response_headers_like eval
[(<<'_OZ_EACH_') x 30]
Allow: (?=.*\bGET\b)(?=.*\bPOST\b)(?!.*\bPUT\b)(?!.*\bPATCH\b)(?!.*\bDELETE\b).*
_OZ_EACH_
--- json_subset
{"code": "method_not_allowed", "status": 405,
 "title": "Methode \"{method}\" niet toegestaan.",
 "detail": "/^Methode \"(PUT|PATCH|DELETE)\" niet toegestaan\\.$/",
 "type": "http://localhost/ref/fouten/MethodNotAllowed/"}
--- db_unchanged



=== TEST 64: 405 for POST on a detail, with Allow
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[map { "POST $main::API/$_->[0]/$_->[1]\n{}" } @main::WRITABLE]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(405) x 9]
--- response_headers_like eval
[(<<'_OZ_EACH_') x 9]
Allow: (?=.*\bGET\b)(?=.*\bPUT\b)(?=.*\bPATCH\b)(?=.*\bDELETE\b)(?=.*\bHEAD\b)(?!.*\bPOST\b).*
_OZ_EACH_
--- json_subset
{"code": "method_not_allowed", "detail": "Methode \"POST\" niet toegestaan."}
--- db_unchanged



=== TEST 65: a catalogus has no update or delete (C12): PUT, PATCH, DELETE and POST are 405
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
["PUT $main::API/catalogussen/$main::ID{C1}\n{}",
 "PATCH $main::API/catalogussen/$main::ID{C1}\n{}",
 "DELETE $main::API/catalogussen/$main::ID{C1}",
 "POST $main::API/catalogussen/$main::ID{C1}\n{}"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(405) x 4]
--- response_headers_like eval
[(<<'_OZ_EACH_') x 4]
Allow: (?=.*\bGET\b)(?=.*\bHEAD\b)(?!.*\bPUT\b)(?!.*\bPATCH\b)(?!.*\bDELETE\b)(?!.*\bPOST\b).*
_OZ_EACH_
--- json_subset
{"code": "method_not_allowed"}
--- db_unchanged



=== TEST 66: publish only takes POST
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[map { ("GET $_", "PUT $_\n{}", "PATCH $_\n{}", "DELETE $_") } @main::PUBLISH]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(405) x 12]
--- response_headers_like eval
[(<<'_OZ_EACH_') x 12]
Allow: (?=.*\bPOST\b)(?!.*\bGET\b)(?!.*\bPUT\b)(?!.*\bPATCH\b)(?!.*\bDELETE\b).*
_OZ_EACH_
--- json_subset
{"code": "method_not_allowed"}
--- db_unchanged



=== TEST 67: unknown paths are 404 problems (publish exists only for the three versioned types)
--- init
main::seed(base => 1);
--- request eval
["GET $main::API/foo", "GET $main::API/zaaktype",
 "GET $main::API/zaaktypen/$main::ID{Z1}/foo",
 "GET $main::API/zaaktypen/$main::ID{Z1}/publish/x",
 "POST $main::API/catalogussen/$main::ID{C1}/publish\n",
 (map { "POST $main::API/$_->[0]/$_->[1]/publish\n" } @main::SUB),
 "GET $main::API/statustypen/$main::ID{ST1}/zaaktype"]
--- more_headers eval
main::hdr('super')
--- error_code eval
[(404) x 12]
--- response_headers eval
[(<<'_OZ_EACH_') x 12]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "not_found", "status": 404, "title": "Niet gevonden.",
 "type": "http://localhost/ref/fouten/NotFound/"}



=== TEST 68: a malformed uuid in the path is 404 (GET, HEAD, PUT, PATCH, DELETE, publish)
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[(map { ("GET $main::API/$_->[0]/not-a-uuid",
         "GET $main::API/$_->[0]/c2000000-0000-4000-8000-00000000000") } @main::RES),
 "HEAD $main::API/zaaktypen/not-a-uuid",
 "PUT $main::API/zaaktypen/not-a-uuid\n{}",
 "PATCH $main::API/statustypen/c5000000-0000-4000-8000-0000000000012\n{}",
 "DELETE $main::API/roltypen/c6000000-0000-4000-8000-00000000000g",
 "POST $main::API/besluittypen/not-a-uuid/publish\n"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(404) x 25]
--- response_body_like eval
[(map { qr/"code":\s*"not_found"/ } 1 .. 20), qr/\A\z/,
 (map { qr/"code":\s*"not_found"/ } 1 .. 4)]
--- db_unchanged



=== TEST 69: an unknown uuid is 404 for every detail operation
--- init
main::seed(base => 1);
main::snapshot();
--- request eval
[(map { "GET $main::API/$_->[0]/$main::ID{NONE}" } @main::RES),
 (map { ("PUT $main::API/$_->[0]/$main::ID{NONE}\n{}",
         "PATCH $main::API/$_->[0]/$main::ID{NONE}\n$_->[2]",
         "DELETE $main::API/$_->[0]/$main::ID{NONE}") } @main::WRITABLE),
 (map { "POST $main::API/$_/$main::ID{NONE}/publish\n" }
      qw(zaaktypen informatieobjecttypen besluittypen))]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(404) x 40]
--- response_headers eval
[(<<'_OZ_EACH_') x 40]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset
{"code": "not_found", "status": 404, "detail": "Niet gevonden."}
--- db_unchanged



=== TEST 70: notifications on kanaal zaaktypen: create, update, partial_update, destroy
--- init
main::seed(base => 1);
--- request eval
["POST $main::API/zaaktypen
{\"catalogus\": \"$main::BASE/catalogussen/$main::ID{C1}\",
 \"omschrijving\": \"Nieuw\", \"vertrouwelijkheidaanduiding\": \"openbaar\",
 \"selectielijstProcestype\": \"$main::SL/procestypen/b594c8d1-ea6a-4bcd-a6aa-2c7a8ad3fe5b\",
 \"doel\": \"Doel\", \"aanleiding\": \"Aanleiding\",
 \"indicatieInternOfExtern\": \"extern\", \"handelingInitiator\": \"aanvragen\",
 \"onderwerp\": \"Onderwerp\", \"handelingBehandelaar\": \"behandelen\",
 \"doorlooptijd\": \"P30D\", \"opschortingEnAanhoudingMogelijk\": false,
 \"verlengingMogelijk\": false, \"publicatieIndicatie\": false,
 \"productenOfDiensten\": [], \"referentieproces\": {\"naam\": \"Proces\"},
 \"verantwoordelijke\": \"Afdeling\", \"beginGeldigheid\": \"2024-03-01\",
 \"versiedatum\": \"2024-03-01\", \"besluittypen\": [],
 \"gerelateerdeZaaktypen\": []}",
 "PUT $main::API/zaaktypen/$main::ID{Z1}
{\"catalogus\": \"$main::BASE/catalogussen/$main::ID{C1}\",
 \"identificatie\": \"ZT-1\",
 \"omschrijving\": \"Vervangen\", \"vertrouwelijkheidaanduiding\": \"openbaar\",
 \"doel\": \"Doel\", \"aanleiding\": \"Aanleiding\",
 \"indicatieInternOfExtern\": \"extern\", \"handelingInitiator\": \"aanvragen\",
 \"onderwerp\": \"Onderwerp\", \"handelingBehandelaar\": \"behandelen\",
 \"doorlooptijd\": \"P30D\", \"opschortingEnAanhoudingMogelijk\": false,
 \"verlengingMogelijk\": false, \"publicatieIndicatie\": false,
 \"productenOfDiensten\": [], \"referentieproces\": {\"naam\": \"Proces\"},
 \"verantwoordelijke\": \"Afdeling\", \"beginGeldigheid\": \"2024-01-01\",
 \"versiedatum\": \"2024-01-01\", \"besluittypen\": [],
 \"gerelateerdeZaaktypen\": []}",
 "PATCH $main::API/zaaktypen/$main::ID{Z1}\n{\"toelichting\": \"Gewijzigd\"}",
 "DELETE $main::API/zaaktypen/$main::ID{Z1}"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[201, 200, 200, 204]
--- response_headers_like eval
["Location: http://localhost/catalogi/api/v1/zaaktypen/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
 "Content-Type: application/json", "Content-Type: application/json", "API-version: 1\\.3\\.1"]
--- sql_check
SELECT n.kanaal, n.bericht->>'kanaal', n.bericht->>'resource',
       n.bericht->>'actie',
       regexp_replace(n.bericht->>'hoofdObject', '/' || coalesce((SELECT uuid::text FROM catalogi.zaaktype WHERE omschrijving = 'Nieuw'), 'none') || '$', '/NIEUW'),
       n.bericht->>'hoofdObject' = n.bericht->>'resourceUrl',
       n.bericht->'kenmerken',
       n.bericht->>'aanmaakdatum' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$',
       (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(n.bericht) k),
       n.verzonden IS NULL
  FROM zgw.notificatie n ORDER BY n.id
--- sql_check_out eval
my $z1 = "http://localhost/catalogi/api/v1/zaaktypen/$main::ID{Z1}";
my $k = qq{{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/$main::ID{C1}"}};
my $keys = 'aanmaakdatum,actie,hoofdObject,kanaal,kenmerken,resource,resourceUrl';
my @rows = ("zaaktypen|zaaktypen|zaaktype|create|http://localhost/catalogi/api/v1/zaaktypen/NIEUW|t|$k|t|$keys|t",
            "zaaktypen|zaaktypen|zaaktype|update|$z1|t|$k|t|$keys|t",
            "zaaktypen|zaaktypen|zaaktype|partial_update|$z1|t|$k|t|$keys|t",
            "zaaktypen|zaaktypen|zaaktype|destroy|$z1|t|$k|t|$keys|t");
[map { CORE::join "\n", @rows[0 .. $_] } 0 .. 3]



=== TEST 71: notifications on kanaal informatieobjecttypen: create, update, partial_update, destroy
--- init
main::seed(base => 1);
main::catalogus(uuid => $main::ID{C2}, domein => 'XYZ');
--- request eval
["POST $main::API/informatieobjecttypen
{\"catalogus\": \"$main::BASE/catalogussen/$main::ID{C2}\",
 \"omschrijving\": \"Nieuw\", \"vertrouwelijkheidaanduiding\": \"openbaar\",
 \"beginGeldigheid\": \"2024-03-01\", \"informatieobjectcategorie\": \"Categorie\"}",
 "PUT $main::API/informatieobjecttypen/$main::ID{I1}
{\"catalogus\": \"$main::BASE/catalogussen/$main::ID{C1}\",
 \"omschrijving\": \"Document\", \"vertrouwelijkheidaanduiding\": \"intern\",
 \"beginGeldigheid\": \"2024-01-01\", \"informatieobjectcategorie\": \"Anders\"}",
 "PATCH $main::API/informatieobjecttypen/$main::ID{I1}\n{\"informatieobjectcategorie\": \"Gewijzigd\"}",
 "DELETE $main::API/informatieobjecttypen/$main::ID{I1}"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[201, 200, 200, 204]
--- response_headers_like eval
["Location: http://localhost/catalogi/api/v1/informatieobjecttypen/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
 "Content-Type: application/json", "Content-Type: application/json", "API-version: 1\\.3\\.1"]
--- sql_check
SELECT n.kanaal, n.bericht->>'kanaal', n.bericht->>'resource',
       n.bericht->>'actie',
       regexp_replace(n.bericht->>'hoofdObject', '/' || coalesce((SELECT uuid::text FROM catalogi.informatieobjecttype WHERE omschrijving = 'Nieuw'), 'none') || '$', '/NIEUW'),
       n.bericht->>'hoofdObject' = n.bericht->>'resourceUrl',
       n.bericht->'kenmerken',
       n.bericht->>'aanmaakdatum' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$',
       (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(n.bericht) k)
  FROM zgw.notificatie n ORDER BY n.id
--- sql_check_out eval
my $i1 = "http://localhost/catalogi/api/v1/informatieobjecttypen/$main::ID{I1}";
my $k1 = qq{{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/$main::ID{C1}"}};
my $k2 = qq{{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/$main::ID{C2}"}};
my $keys = 'aanmaakdatum,actie,hoofdObject,kanaal,kenmerken,resource,resourceUrl';
my @rows = ("informatieobjecttypen|informatieobjecttypen|informatieobjecttype|create|http://localhost/catalogi/api/v1/informatieobjecttypen/NIEUW|t|$k2|t|$keys",
            "informatieobjecttypen|informatieobjecttypen|informatieobjecttype|update|$i1|t|$k1|t|$keys",
            "informatieobjecttypen|informatieobjecttypen|informatieobjecttype|partial_update|$i1|t|$k1|t|$keys",
            "informatieobjecttypen|informatieobjecttypen|informatieobjecttype|destroy|$i1|t|$k1|t|$keys");
[map { CORE::join "\n", @rows[0 .. $_] } 0 .. 3]



=== TEST 72: notifications on kanaal besluittypen: create, update, partial_update, destroy
--- init
main::seed(base => 1);
--- request eval
["POST $main::API/besluittypen
{\"catalogus\": \"$main::BASE/catalogussen/$main::ID{C1}\",
 \"omschrijving\": \"Nieuw\", \"informatieobjecttypen\": [],
 \"publicatieIndicatie\": false, \"beginGeldigheid\": \"2024-03-01\"}",
 "PUT $main::API/besluittypen/$main::ID{B1}
{\"catalogus\": \"$main::BASE/catalogussen/$main::ID{C1}\",
 \"omschrijving\": \"Besluit\", \"informatieobjecttypen\": [],
 \"publicatieIndicatie\": false, \"beginGeldigheid\": \"2024-01-01\",
 \"toelichting\": \"Vervangen\"}",
 "PATCH $main::API/besluittypen/$main::ID{B1}\n{\"toelichting\": \"Gewijzigd\"}",
 "DELETE $main::API/besluittypen/$main::ID{B1}"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[201, 200, 200, 204]
--- response_headers_like eval
["Location: http://localhost/catalogi/api/v1/besluittypen/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
 "Content-Type: application/json", "Content-Type: application/json", "API-version: 1\\.3\\.1"]
--- sql_check
SELECT n.kanaal, n.bericht->>'kanaal', n.bericht->>'resource',
       n.bericht->>'actie',
       regexp_replace(n.bericht->>'hoofdObject', '/' || coalesce((SELECT uuid::text FROM catalogi.besluittype WHERE omschrijving = 'Nieuw'), 'none') || '$', '/NIEUW'),
       n.bericht->>'hoofdObject' = n.bericht->>'resourceUrl',
       n.bericht->'kenmerken',
       n.bericht->>'aanmaakdatum' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$',
       (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(n.bericht) k)
  FROM zgw.notificatie n ORDER BY n.id
--- sql_check_out eval
my $b1 = "http://localhost/catalogi/api/v1/besluittypen/$main::ID{B1}";
my $k = qq{{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/$main::ID{C1}"}};
my $keys = 'aanmaakdatum,actie,hoofdObject,kanaal,kenmerken,resource,resourceUrl';
my @rows = ("besluittypen|besluittypen|besluittype|create|http://localhost/catalogi/api/v1/besluittypen/NIEUW|t|$k|t|$keys",
            "besluittypen|besluittypen|besluittype|update|$b1|t|$k|t|$keys",
            "besluittypen|besluittypen|besluittype|partial_update|$b1|t|$k|t|$keys",
            "besluittypen|besluittypen|besluittype|destroy|$b1|t|$k|t|$keys");
[map { CORE::join "\n", @rows[0 .. $_] } 0 .. 3]



=== TEST 73: the notification URLs use the Host of the request
--- init
main::seed(base => 1);
--- request
PATCH /catalogi/api/v1/besluittypen/c4000000-0000-4000-8000-000000000001
{"toelichting": "Gewijzigd"}
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 'super-secret')
. "\nHost: catalogi.example:8443\nContent-Type: application/json\n"
--- error_code: 200
--- sql_check
SELECT bericht->>'hoofdObject', bericht->>'resourceUrl',
       bericht->'kenmerken'->>'catalogus' FROM zgw.notificatie
--- sql_check_out
http://catalogi.example:8443/catalogi/api/v1/besluittypen/c4000000-0000-4000-8000-000000000001|http://catalogi.example:8443/catalogi/api/v1/besluittypen/c4000000-0000-4000-8000-000000000001|http://catalogi.example:8443/catalogi/api/v1/catalogussen/c1000000-0000-4000-8000-000000000001



=== TEST 74: deleting a zaaktype with types below it sends one notification
--- init
main::seed(base => 1);
--- request
DELETE /catalogi/api/v1/zaaktypen/c2000000-0000-4000-8000-000000000001
--- more_headers eval
main::hdr('super')
--- error_code: 204
--- sql_check
SELECT kanaal, bericht->>'resource', bericht->>'actie' FROM zgw.notificatie;
SELECT (SELECT count(*) FROM catalogi.statustype) + (SELECT count(*) FROM catalogi.roltype)
     + (SELECT count(*) FROM catalogi.resultaattype) + (SELECT count(*) FROM catalogi.eigenschap)
     + (SELECT count(*) FROM catalogi.zaakobjecttype)
     + (SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype)
--- sql_check_out
zaaktypen|zaaktype|destroy
0



=== TEST 75: creating a catalogus sends no notification
--- init
main::seed();
--- request
POST /catalogi/api/v1/catalogussen
{"domein": "NIEUW", "rsin": "517439943", "contactpersoonBeheerNaam": "Beheerder"}
--- more_headers eval
main::hdr_json('super')
--- error_code: 201
--- response_headers_like
Location: http://localhost/catalogi/api/v1/catalogussen/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}
--- sql_check
SELECT (SELECT count(*) FROM catalogi.catalogus), (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0



=== TEST 76: the types below a zaaktype send no notifications (create, patch, delete)
--- init
main::seed(base => 1);
--- request eval
my $z = "$main::BASE/zaaktypen/$main::ID{Z1}";
["POST $main::API/statustypen\n{\"zaaktype\": \"$z\", \"omschrijving\": \"Tweede\", \"volgnummer\": 2}",
 "POST $main::API/roltypen\n{\"zaaktype\": \"$z\", \"omschrijving\": \"Initiator\", \"omschrijvingGeneriek\": \"initiator\"}",
 "POST $main::API/resultaattypen\n{\"zaaktype\": \"$z\", \"omschrijving\": \"Tweede\",
   \"resultaattypeomschrijving\": \"$main::SL/resultaattypeomschrijvingen/a6a0bd73-262a-401a-b629-9c4a908c69b5\",
   \"selectielijstklasse\": \"$main::SL/resultaten/6d37598e-30f0-4aef-930d-3e1690725d95\"}",
 "POST $main::API/eigenschappen\n{\"zaaktype\": \"$z\", \"naam\": \"Tweede\", \"definitie\": \"Definitie\",
   \"specificatie\": {\"formaat\": \"tekst\", \"lengte\": \"5\", \"kardinaliteit\": \"1\"}}",
 "POST $main::API/zaakobjecttypen\n{\"zaaktype\": \"$z\", \"anderObjecttype\": false,
   \"objecttype\": \"https://objecttypen.example/api/v2/objecttypes/2\", \"relatieOmschrijving\": \"Tweede\"}",
 "POST $main::API/zaaktype-informatieobjecttypen\n{\"zaaktype\": \"$z\",
   \"informatieobjecttype\": \"$main::BASE/informatieobjecttypen/$main::ID{I1}\", \"volgnummer\": 2, \"richting\": \"intern\"}",
 (map { "PATCH $main::API/$_->[0]/$_->[1]\n$_->[2]" } @main::SUB),
 (map { "DELETE $main::API/$_->[0]/$_->[1]" } @main::SUB)]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(map { 201 } 1 .. 6), (map { 200 } 1 .. 6), (map { 204 } 1 .. 6)]
--- sql_check
SELECT count(*) FROM zgw.notificatie
--- sql_check_out
0



=== TEST 77: publishing through the API is notified as an update
# A deliberate choice: publishing changes the type (concept becomes false),
# so subscribers hear of it as of any other change, as Open Zaak's admin
# does (RULES-CHECKLIST 197); Open Zaak's API /publish sends nothing
# (ZGW-INVENTORY X4).
--- init
main::seed(base => 1);
--- request eval
["POST $main::API/informatieobjecttypen/$main::ID{I1}/publish",
 "POST $main::API/besluittypen/$main::ID{B1}/publish"]
--- more_headers eval
main::hdr('super')
--- error_code eval
[(200) x 2]
--- sql_check
SELECT count(*) || ' ' || coalesce(string_agg(bericht->>'resource' || ':'
       || (bericht->>'actie'), ',' ORDER BY id), '') FROM zgw.notificatie
--- sql_check_out eval
["1 informatieobjecttype:update",
 "2 informatieobjecttype:update,besluittype:update"]



=== TEST 78a: dates are written in the standard's form whatever the database's DateStyle
The module renders the answers from PostgreSQL's text of the values and so
sets DateStyle=ISO (and TimeZone=UTC) on its sessions, after what the role
or the database gives them.  The next block resets the role.
--- init
main::seed(base => 1);
OZ::Test::oz_psql("ALTER ROLE CURRENT_USER SET DateStyle = 'SQL, DMY';"
                  . " ALTER ROLE CURRENT_USER SET TimeZone = 'Pacific/Apia'");
--- http_config eval
OZ::Test::oz_http_config("# DateStyle\n")
--- request eval
"GET $main::API/zaaktypen/$main::ID{Z1}"
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- response_body_like: "beginGeldigheid":"2024-01-01","eindeGeldigheid":null,"versiedatum":"2024-01-01","beginObject":"2024-01-01","eindeObject":null,



=== TEST 78b: the role's settings of the block before are reset
--- init
OZ::Test::oz_psql("ALTER ROLE CURRENT_USER RESET DateStyle;"
                  . " ALTER ROLE CURRENT_USER RESET TimeZone");
main::seed(base => 1);
--- request eval
"GET $main::API/zaaktypen/$main::ID{Z1}"
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- response_body_like: "beginGeldigheid":"2024-01-01"



=== TEST 78: the OpenAPI documents answer without a token
--- request eval
["GET $main::API/schema/openapi.yaml", "GET $main::API/openapi.yaml",
 "GET $main::API/openapi.json"]
--- error_code eval
[(200) x 3]
--- response_body_like eval
[(q~openapi~) x 3]

