# The OpenAPI documents the module renders from its descriptors: served
# without a token as JSON and YAML, valid OpenAPI 3.0.3, the YAML the same
# data as the JSON, and equal to the reference spec of each API
# ($TEST_NGINX_OZ_SPECS/{api}-openapi.yaml) in paths, operations,
# parameters, scopes and schemas.  See t/lib/OZ/OpenAPI.pm for what is
# compared.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::OpenAPI;

# The APIs checked, with the version the API-version header carries.
# One line per API.
our @APIS = (
    [autorisaties => '1.0.0'],
    [catalogi     => '1.3.1'],
);

# Differences from the reference that are intended, with the reason.
oz_openapi_known(autorisaties => [
    # The consumer action answers with the one applicatie of the client, as
    # Open Zaak does; its OAS says an array (ZGW-INVENTORY.md).
    qr{^GET /applicaties/consumer: response 200 application/json: },

    # The module accepts every component of ComponentEnum, so the
    # discriminator maps them all; the reference leaves out the three
    # Open Zaak has no serializer variant for.
    qr{autorisaties\[\]: variants not in the reference: cmc kc vrc$},
]);

oz_openapi_known(catalogi => [
    # broncatalogus and bronzaaktype are optional groups.  Absent, they
    # render as null: the reference schema has no valid empty form (rsin
    # has minLength 9), and null lets a client PUT back what it read.
    qr{: (?:results\[\]\.)?bron(?:catalogus|zaaktype): nullable, the reference is not$},

    # The items of these lists name a type by identificatie or
    # omschrijving; a null names nothing and is refused with a field
    # error instead of being stored.
    qr{: (?:results\[\]\.)?(?:deelzaaktypen|besluittypen|informatieobjecttypen)\[\]: not nullable, the reference is nullable$},

    # The detail of a versioned type accepts datumGeldigheid too, so a
    # client can see its relations as they were valid on a date (the
    # standard's historiemodel); without it the detail is as specified.
    qr{^GET /(?:besluittypen|informatieobjecttypen|zaaktypen)/\{uuid\}: query parameter 'datumGeldigheid': not in the reference$},
]);

our @DOCS = qw(openapi.json openapi.yaml schema/openapi.yaml);

# Per request of the blocks below: API, document, content type, version.
sub main::documents {
    my @docs;
    for my $api (@APIS) {
        for my $doc (@DOCS) {
            push @docs, [$api->[0], $doc,
                         $doc =~ /json$/ ? 'application/vnd.oai.openapi+json'
                                         : 'application/vnd.oai.openapi',
                         $api->[1]];
        }
    }
    return @docs;
}

no_shuffle();
oz_setup(apis => [map { $_->[0] } @APIS]);

run_tests();

__DATA__

=== TEST 1: documents of every API, without a token
--- request eval
[map { "GET /$_->[0]/api/v1/$_->[1]" } main::documents()]
--- error_code eval
[map { 200 } main::documents()]
--- response_headers eval
[map { "Content-Type: $_->[2]\nAPI-version: $_->[3]\n!WWW-Authenticate" }
 main::documents()]
--- openapi_check
--- no_error_log
[error]
[alert]
[crit]



=== TEST 2: HEAD gives the headers of GET, without a body
--- request eval
[map { "HEAD /$_->[0]/api/v1/$_->[1]" } main::documents()]
--- error_code eval
[map { 200 } main::documents()]
--- response_headers eval
[map { "Content-Type: $_->[2]\nAPI-version: $_->[3]" } main::documents()]
--- response_body eval
[map { '' } main::documents()]
--- no_error_log
[error]
[alert]
[crit]



=== TEST 3: an invalid token does not matter
--- request eval
[map { "GET /$_->[0]/api/v1/$_->[1]" } main::documents()]
--- more_headers
Authorization: Bearer not-a-jwt
--- error_code eval
[map { 200 } main::documents()]
--- response_headers eval
[map { "Content-Type: $_->[2]" } main::documents()]
--- no_error_log
[error]
[alert]
[crit]



=== TEST 4: the documents are read only
--- request eval
[map { "POST /$_->[0]/api/v1/$_->[1]\n{}" } main::documents()]
--- more_headers
Content-Type: application/json
--- error_code eval
[map { 405 } main::documents()]
--- no_error_log
[error]
[alert]
[crit]
