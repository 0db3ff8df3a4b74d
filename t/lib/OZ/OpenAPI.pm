package OZ::OpenAPI;

# Checks of the OpenAPI documents the module serves.
#
#   oz_openapi_parse($text, 'json'|'yaml')  the document as Perl data (dies)
#   oz_openapi_problems($doc)    what makes it no valid OpenAPI 3.0.3
#   oz_openapi_diff($got, $ref)  how it differs from a reference spec in
#                                what clients rely on (see below)
#   oz_data_diff($a, $b)         first difference of two parsed documents
#   oz_openapi_reference($api)   $TEST_NGINX_OZ_SPECS/$api-openapi.yaml,
#                                parsed (cached); undef when not there
#   oz_openapi_known($api => [qr/.../, ...])
#                                differences from the reference that are
#                                intended: reported as notes, not failures
#
# Importing it registers the block section "--- openapi_check" (through
# add_response_body_check, so the real Test::Nginx runs it too).  In a
# block whose request(s) fetch /{api}/api/v1/openapi.json, openapi.yaml or
# schema/openapi.yaml (an eval array of requests is fine), every response
# gives these tests:
#
#   - the body parses as JSON or YAML, by the name requested;
#   - it is a valid OpenAPI 3.0.3 document (oz_openapi_problems);
#   - a YAML document is the same data as the JSON document of the same API
#     fetched earlier in the block (so fetch the JSON one first);
#   - the first document of each API matches the reference spec of that
#     API (oz_openapi_diff), but for the known differences; skipped when
#     the spec is not available.  A known difference no longer seen is
#     reported as a note too, so that the list can shrink.
#
# What oz_openapi_diff compares, on both sides after resolving $ref, allOf
# and oneOf/anyOf (the union of the variants):
#
#   - info.version;
#   - the set of paths, per path the methods, per operation the
#     operationId, the parameters (in + name, and the required flag), the
#     security requirements with their scopes;
#   - the request body (required flag, media types, schema) and the
#     responses: the set of status codes, and for every 2xx response its
#     header names, media types and schema;
#   - schemas recursively (properties, array items and, for a discriminated
#     oneOf, every variant by its mapping key): type, format, enum values
#     (null in an enum counts as nullable), maxLength, readOnly, writeOnly,
#     nullable and the required properties.
#
# Names of component schemas, descriptions, examples and the order of
# anything are not compared.

use strict;
use warnings;

use Encode ();
use Exporter ();
use JSON::PP ();
use Test::More ();
use Test::Nginx::Socket ();
use YAML::XS ();

our @ISA = ('Exporter');
our @EXPORT = qw(
    oz_openapi_parse oz_openapi_problems oz_openapi_diff oz_data_diff
    oz_openapi_reference oz_openapi_known
);

# Differences shown per failed test; the rest is counted.
our $MAX_SHOWN = $ENV{OZ_OPENAPI_MAX_SHOWN} // 200;

my @METHODS = qw(get put post delete options head patch trace);
my %METHOD = map { $_ => 1 } @METHODS;

my $JSON = JSON::PP->new->utf8->canonical->allow_nonref;
my $checks_registered = 0;
my %known;    # api -> [ qr// ]

sub import {
    my ($class, @args) = @_;

    if (!$checks_registered++) {
        Test::Nginx::Socket::add_response_body_check(\&openapi_check);
    }

    __PACKAGE__->export_to_level(1, $class, @args);
}

#------------------------------------------------------------------------
# Parsing
#------------------------------------------------------------------------

sub oz_openapi_parse {
    my ($text, $format) = @_;

    if ($format eq 'json') {
        return $JSON->decode($text);
    }

    # YAML::XS reads the string's bytes as UTF-8 (whatever its utf8 flag)
    # and returns characters, as JSON::PP does; booleans as JSON::PP's, so
    # that the data compares equal to the JSON document's.
    local $YAML::XS::Boolean = 'JSON::PP';
    my $bytes = $text;
    utf8::encode($bytes) if utf8::is_utf8($bytes);
    Encode::decode('UTF-8', my $copy = $bytes, Encode::FB_CROAK);
    return YAML::XS::Load($bytes);
}

sub oz_openapi_known {
    my (%lists) = @_;
    for my $api (keys %lists) {
        push @{ $known{$api} }, map { ref $_ eq 'Regexp' ? $_ : qr/\Q$_\E/ }
                                    @{ $lists{$api} };
    }
    return;
}

my %reference_cache;

sub oz_openapi_reference {
    my ($api) = @_;
    my $dir = $ENV{TEST_NGINX_OZ_SPECS};
    return undef unless defined $dir && length $dir;

    my $file = "$dir/$api-openapi.yaml";
    return undef unless -f $file;

    $reference_cache{$file} //= do {
        local $YAML::XS::Boolean = 'JSON::PP';
        YAML::XS::LoadFile($file);
    };
    return $reference_cache{$file};
}

#------------------------------------------------------------------------
# Data equality (the YAML document against the JSON one)
#------------------------------------------------------------------------

sub json_type {
    my ($v) = @_;
    return 'null' unless defined $v;
    return 'boolean' if JSON::PP::is_bool($v);
    return 'object' if ref $v eq 'HASH';
    return 'array' if ref $v eq 'ARRAY';
    my $copy = $v;
    return $JSON->encode($copy) =~ /^"/ ? 'string' : 'number';
}

sub show {
    my ($v) = @_;
    my $s = JSON::PP->new->canonical->allow_nonref->encode($v);
    return length $s > 200 ? substr($s, 0, 200) . '...' : $s;
}

# undef when equal, else "path: what differs" for the first difference.
sub oz_data_diff {
    my ($a, $b, $path) = @_;
    $path //= '';
    my $where = length $path ? $path : '(root)';
    my ($ta, $tb) = (json_type($a), json_type($b));

    return "$where: " . show($a) . " versus " . show($b) if $ta ne $tb;

    if ($ta eq 'object') {
        for my $k (sort keys %{{ %$a, %$b }}) {
            return "$path/$k: only in the first" unless exists $b->{$k};
            return "$path/$k: only in the second" unless exists $a->{$k};
            my $d = oz_data_diff($a->{$k}, $b->{$k}, "$path/$k");
            return $d if defined $d;
        }
        return undef;
    }

    if ($ta eq 'array') {
        return "$where: " . @$a . " versus " . @$b . " elements"
            unless @$a == @$b;
        for my $i (0 .. $#$a) {
            my $d = oz_data_diff($a->[$i], $b->[$i], "$path/$i");
            return $d if defined $d;
        }
        return undef;
    }

    my $equal = $ta eq 'null'    ? 1
              : $ta eq 'boolean' ? !!$a == !!$b
              : $ta eq 'number'  ? $a == $b
              :                    $a eq $b;
    return $equal ? undef : "$where: " . show($a) . " versus " . show($b);
}

#------------------------------------------------------------------------
# Validity: the structural rules of OpenAPI 3.0.3 that a generator can
# break.  (Scopes on an http security scheme are against the letter of
# the specification, but every ZGW spec has them: not reported.)
#------------------------------------------------------------------------

my %SCHEMA_KEYS = map { $_ => 1 } qw(
    title multipleOf maximum exclusiveMaximum minimum exclusiveMinimum
    maxLength minLength pattern maxItems minItems uniqueItems maxProperties
    minProperties required enum type allOf oneOf anyOf not items properties
    additionalProperties description format default nullable discriminator
    readOnly writeOnly xml externalDocs example deprecated
);

my %OPERATION_KEYS = map { $_ => 1 } qw(
    tags summary description externalDocs operationId parameters
    requestBody responses callbacks deprecated security servers
);

my %PATH_ITEM_KEYS = map { $_ => 1 }
    (@METHODS, qw($ref summary description servers parameters));

my %PARAMETER_KEYS = map { $_ => 1 } qw(
    name in description required deprecated allowEmptyValue style explode
    allowReserved schema example examples content
);

my %TYPES = map { $_ => 1 } qw(string number integer boolean array object);

sub resolve {
    my ($doc, $ref) = @_;
    return undef unless defined $ref && !ref $ref && $ref =~ m{^#(/.*)?\z};
    my $node = $doc;
    for my $step (split m{/}, substr($ref, 2), -1) {
        $step =~ s/~1/\//g;
        $step =~ s/~0/~/g;
        if (ref $node eq 'HASH' && exists $node->{$step}) {
            $node = $node->{$step};
        } elsif (ref $node eq 'ARRAY' && $step =~ /^\d+\z/ && $step < @$node) {
            $node = $node->[$step];
        } else {
            return undef;
        }
    }
    return $node;
}

# The object a $ref names, or the object itself.
sub deref {
    my ($doc, $node) = @_;
    my %seen;
    while (ref $node eq 'HASH' && defined $node->{'$ref'}) {
        return undef if $seen{ $node->{'$ref'} }++;
        $node = resolve($doc, $node->{'$ref'});
    }
    return $node;
}

sub is_bool { JSON::PP::is_bool($_[0]) }

sub oz_openapi_problems {
    my ($doc) = @_;
    my @p;

    return ('the document is not an object') unless ref $doc eq 'HASH';

    push @p, "openapi: expected \"3.0.3\", got " . show($doc->{openapi})
        unless defined $doc->{openapi} && !ref $doc->{openapi}
               && $doc->{openapi} eq '3.0.3';

    my $info = $doc->{info};
    if (ref $info ne 'HASH') {
        push @p, 'info: missing';
    } else {
        for my $k (qw(title version)) {
            push @p, "info.$k: missing or not a string"
                unless json_type($info->{$k}) eq 'string';
        }
        push @p, 'info.license.name: missing'
            if ref $info->{license} eq 'HASH'
               && json_type($info->{license}{name}) ne 'string';
    }

    if (exists $doc->{servers}) {
        if (ref $doc->{servers} ne 'ARRAY') {
            push @p, 'servers: not an array';
        } else {
            for my $s (@{ $doc->{servers} }) {
                push @p, 'servers: an entry without url'
                    unless ref $s eq 'HASH' && json_type($s->{url}) eq 'string';
            }
        }
    }

    my $schemes = {};
    if (exists $doc->{components}) {
        my $c = $doc->{components};
        if (ref $c ne 'HASH') {
            push @p, 'components: not an object';
        } else {
            for my $kind (sort keys %$c) {
                next if $kind =~ /^x-/;
                next unless ref $c->{$kind} eq 'HASH';
                for my $name (sort keys %{ $c->{$kind} }) {
                    push @p, "components.$kind: invalid name '$name'"
                        unless $name =~ /^[a-zA-Z0-9.\-_]+\z/;
                }
            }
            $schemes = $c->{securitySchemes} || {};
            for my $name (sort keys %{ $c->{schemas} || {} }) {
                check_schema(\@p, $doc, $c->{schemas}{$name},
                             "components.schemas.$name");
            }
        }
    }

    if (exists $doc->{tags}) {
        my %seen;
        for my $t (@{ ref $doc->{tags} eq 'ARRAY' ? $doc->{tags} : [] }) {
            push @p, 'tags: an entry without name'
                unless ref $t eq 'HASH' && json_type($t->{name}) eq 'string';
            push @p, "tags: '$t->{name}' twice"
                if ref $t eq 'HASH' && defined $t->{name}
                   && $seen{ $t->{name} }++;
        }
    }

    my $paths = $doc->{paths};
    if (ref $paths ne 'HASH') {
        push @p, 'paths: missing';
        $paths = {};
    }

    my %operation_ids;

    for my $path (sort keys %$paths) {
        next if $path =~ /^x-/;
        push @p, "paths: '$path' does not start with /" unless $path =~ m{^/};

        my $item = $paths->{$path};
        if (ref $item ne 'HASH') {
            push @p, "$path: not an object";
            next;
        }

        for my $k (sort keys %$item) {
            push @p, "$path: unknown field '$k'"
                unless $PATH_ITEM_KEYS{$k} || $k =~ /^x-/;
        }

        my %template = map { $_ => 1 } $path =~ /\{([^}]+)\}/g;
        my $path_params = check_parameters(\@p, $doc, $item->{parameters},
                                           "$path parameters");

        for my $m (grep { exists $item->{$_} } @METHODS) {
            my $op = $item->{$m};
            my $where = uc($m) . " $path";

            if (ref $op ne 'HASH') {
                push @p, "$where: not an object";
                next;
            }

            for my $k (sort keys %$op) {
                push @p, "$where: unknown field '$k'"
                    unless $OPERATION_KEYS{$k} || $k =~ /^x-/;
            }

            if (defined $op->{operationId}) {
                push @p, "$where: operationId '$op->{operationId}' is also"
                    . " used by $operation_ids{ $op->{operationId} }"
                    if $operation_ids{ $op->{operationId} };
                $operation_ids{ $op->{operationId} } //= $where;
            }

            my $params = { %$path_params,
                           %{ check_parameters(\@p, $doc, $op->{parameters},
                                               "$where parameters") } };

            for my $name (sort keys %template) {
                push @p, "$where: no path parameter '$name'"
                    unless $params->{"path:$name"};
            }
            for my $key (sort keys %$params) {
                my ($in, $name) = split /:/, $key, 2;
                push @p, "$where: path parameter '$name' is not in the path"
                    if $in eq 'path' && !$template{$name};
            }

            if (exists $op->{requestBody}) {
                my $body = deref($doc, $op->{requestBody});
                if (ref $body ne 'HASH' || ref $body->{content} ne 'HASH') {
                    push @p, "$where requestBody: no content";
                } else {
                    check_content(\@p, $doc, $body->{content},
                                  "$where requestBody");
                }
            }

            my $responses = $op->{responses};
            if (ref $responses ne 'HASH' || !%$responses) {
                push @p, "$where: no responses";
                $responses = {};
            }

            for my $code (sort keys %$responses) {
                next if $code =~ /^x-/;
                my $w = "$where response $code";
                push @p, "$w: invalid status code"
                    unless $code =~ /^(?:[1-5](?:\d\d|XX)|default)\z/;
                my $r = deref($doc, $responses->{$code});
                if (ref $r ne 'HASH') {
                    push @p, "$w: not an object";
                    next;
                }
                push @p, "$w: no description"
                    unless json_type($r->{description}) eq 'string';
                check_content(\@p, $doc, $r->{content}, $w)
                    if exists $r->{content};
                for my $h (sort keys %{ $r->{headers} || {} }) {
                    my $hd = deref($doc, $r->{headers}{$h});
                    if (ref $hd ne 'HASH'
                        || !(exists $hd->{schema} xor exists $hd->{content}))
                    {
                        push @p, "$w header $h: needs schema or content";
                        next;
                    }
                    check_schema(\@p, $doc, $hd->{schema}, "$w header $h")
                        if exists $hd->{schema};
                }
            }

            for my $req (@{ $op->{security} || [] }) {
                if (ref $req ne 'HASH') {
                    push @p, "$where security: not an object";
                    next;
                }
                for my $name (sort keys %$req) {
                    push @p, "$where security: no security scheme '$name'"
                        unless $schemes->{$name};
                    push @p, "$where security: scopes of '$name' are not"
                        . " an array" unless ref $req->{$name} eq 'ARRAY';
                }
            }
        }
    }

    check_refs(\@p, $doc, $doc, '');

    return @p;
}

sub check_parameters {
    my ($p, $doc, $params, $where) = @_;
    my %seen;
    return \%seen unless defined $params;

    if (ref $params ne 'ARRAY') {
        push @$p, "$where: not an array";
        return \%seen;
    }

    for my $raw (@$params) {
        my $param = deref($doc, $raw);
        if (ref $param ne 'HASH') {
            push @$p, "$where: an entry is not an object";
            next;
        }

        my ($name, $in) = ($param->{name}, $param->{in});
        if (json_type($name) ne 'string' || json_type($in) ne 'string'
            || $in !~ /^(?:query|header|path|cookie)\z/)
        {
            push @$p, "$where: an entry without valid name and in";
            next;
        }

        my $w = "$where $in $name";
        push @$p, "$w: defined twice" if $seen{"$in:$name"}++;

        for my $k (sort keys %$param) {
            push @$p, "$w: unknown field '$k'"
                unless $PARAMETER_KEYS{$k} || $k =~ /^x-/;
        }

        push @$p, "$w: a path parameter must be required"
            if $in eq 'path'
               && !(is_bool($param->{required}) && $param->{required});
        for my $k (qw(required explode deprecated allowEmptyValue)) {
            push @$p, "$w: $k is not a boolean"
                if exists $param->{$k} && !is_bool($param->{$k});
        }
        push @$p, "$w: needs schema or content"
            unless exists $param->{schema} xor exists $param->{content};
        push @$p, "$w: style '$param->{style}' is not for $in parameters"
            if defined $param->{style}
               && !({ query => { form => 1, spaceDelimited => 1,
                                 pipeDelimited => 1, deepObject => 1 },
                      path => { matrix => 1, label => 1, simple => 1 },
                      header => { simple => 1 },
                      cookie => { form => 1 } }->{$in}{ $param->{style} });

        check_schema($p, $doc, $param->{schema}, $w)
            if exists $param->{schema};
    }

    return \%seen;
}

sub check_content {
    my ($p, $doc, $content, $where) = @_;

    if (ref $content ne 'HASH' || !%$content) {
        push @$p, "$where: content is not a non-empty object";
        return;
    }

    for my $type (sort keys %$content) {
        push @$p, "$where: '$type' is not a media type"
            unless $type =~ m{^[\w.+*-]+/[\w.+*-]+\z};
        my $m = $content->{$type};
        if (ref $m ne 'HASH') {
            push @$p, "$where $type: not an object";
            next;
        }
        check_schema($p, $doc, $m->{schema}, "$where $type")
            if exists $m->{schema};
    }
}

sub check_schema {
    my ($p, $doc, $s, $where, $depth) = @_;
    $depth //= 0;
    return if $depth > 50;

    if (ref $s ne 'HASH') {
        push @$p, "$where: a schema is not an object";
        return;
    }

    if (exists $s->{'$ref'}) {
        # resolved by check_refs; the schema it names is checked where it
        # is defined.  Siblings of a $ref are ignored by OpenAPI 3.0.
        my @other = grep { $_ ne '$ref' } sort keys %$s;
        push @$p, "$where: \$ref with siblings (ignored by OpenAPI 3.0):"
            . " @other" if @other;
        return;
    }

    for my $k (sort keys %$s) {
        push @$p, "$where: '$k' is no OpenAPI 3.0 schema keyword"
            unless $SCHEMA_KEYS{$k} || $k =~ /^x-/;
    }

    if (exists $s->{type}) {
        push @$p, "$where: invalid type " . show($s->{type})
            unless json_type($s->{type}) eq 'string' && $TYPES{ $s->{type} };
        push @$p, "$where: an array schema without items"
            if json_type($s->{type}) eq 'string' && $s->{type} eq 'array'
               && !exists $s->{items};
    }

    for my $k (qw(nullable readOnly writeOnly deprecated uniqueItems)) {
        push @$p, "$where: $k is not a boolean"
            if exists $s->{$k} && !is_bool($s->{$k});
    }
    push @$p, "$where: both readOnly and writeOnly"
        if $s->{readOnly} && $s->{writeOnly};

    for my $k (qw(maxLength minLength maxItems minItems maxProperties
                  minProperties))
    {
        push @$p, "$where: $k is not a non-negative integer"
            if exists $s->{$k}
               && !(json_type($s->{$k}) eq 'number' && $s->{$k} =~ /^\d+\z/);
    }

    for my $k (qw(format pattern title description)) {
        push @$p, "$where: $k is not a string"
            if exists $s->{$k} && json_type($s->{$k}) ne 'string';
    }

    if (exists $s->{required}) {
        my $r = $s->{required};
        my %seen;
        if (ref $r ne 'ARRAY' || !@$r
            || grep { json_type($_) ne 'string' || $seen{$_}++ } @$r)
        {
            push @$p, "$where: required must be a non-empty array of"
                . " distinct strings";
        }
    }

    if (exists $s->{enum}) {
        push @$p, "$where: enum must be a non-empty array"
            unless ref $s->{enum} eq 'ARRAY' && @{ $s->{enum} };
    }

    if (exists $s->{discriminator}) {
        my $d = $s->{discriminator};
        if (ref $d ne 'HASH' || json_type($d->{propertyName}) ne 'string') {
            push @$p, "$where: discriminator without propertyName";
        } else {
            for my $k (sort keys %{ $d->{mapping} || {} }) {
                push @$p, "$where: discriminator mapping '$k' does not"
                    . " resolve"
                    unless ref resolve($doc, $d->{mapping}{$k}) eq 'HASH';
            }
        }
        push @$p, "$where: discriminator without oneOf, anyOf or allOf"
            unless $s->{oneOf} || $s->{anyOf} || $s->{allOf};
    }

    for my $k (qw(allOf oneOf anyOf)) {
        next unless exists $s->{$k};
        if (ref $s->{$k} ne 'ARRAY' || !@{ $s->{$k} }) {
            push @$p, "$where: $k must be a non-empty array";
            next;
        }
        my $i = 0;
        check_schema($p, $doc, $_, "$where.$k\[" . $i++ . "]", $depth + 1)
            for @{ $s->{$k} };
    }

    check_schema($p, $doc, $s->{not}, "$where.not", $depth + 1)
        if exists $s->{not};
    check_schema($p, $doc, $s->{items}, "$where\[]", $depth + 1)
        if exists $s->{items};
    check_schema($p, $doc, $s->{additionalProperties},
                 "$where.additionalProperties", $depth + 1)
        if ref $s->{additionalProperties} eq 'HASH';

    if (exists $s->{properties}) {
        if (ref $s->{properties} ne 'HASH') {
            push @$p, "$where: properties is not an object";
        } else {
            for my $name (sort keys %{ $s->{properties} }) {
                check_schema($p, $doc, $s->{properties}{$name},
                             "$where.$name", $depth + 1);
            }
        }
    }
}

# Every $ref of the document resolves.
sub check_refs {
    my ($p, $doc, $node, $path) = @_;

    if (ref $node eq 'HASH') {
        # only local references: others name a document of their own
        if (exists $node->{'$ref'} && !ref $node->{'$ref'}
            && $node->{'$ref'} =~ /^#/)
        {
            push @$p, "$path: \$ref '$node->{'$ref'}' does not resolve"
                unless defined resolve($doc, $node->{'$ref'});
        }
        for my $k (sort keys %$node) {
            # examples are data, not part of the document's structure
            next if $k eq 'example' || $k eq 'examples';
            check_refs($p, $doc, $node->{$k}, "$path/$k");
        }
    } elsif (ref $node eq 'ARRAY') {
        check_refs($p, $doc, $node->[$_], "$path/$_") for 0 .. $#$node;
    }
}

#------------------------------------------------------------------------
# Comparison with the reference
#------------------------------------------------------------------------

sub oz_openapi_diff {
    my ($got, $exp) = @_;
    my @d;

    my ($gv, $ev) = map { $_->{info} && $_->{info}{version} } $got, $exp;
    push @d, "info.version: expected " . show($ev) . ", got " . show($gv)
        unless ($gv // '') eq ($ev // '');

    my ($gpaths, $epaths) = map { ref $_->{paths} eq 'HASH' ? $_->{paths}
                                                            : {} } $got, $exp;

    for my $path (sort keys %{{ %$gpaths, %$epaths }}) {
        next if $path =~ /^x-/;

        if (!exists $gpaths->{$path}) {
            push @d, "$path: path missing ("
                . join(', ', map { uc } grep { $epaths->{$path}{$_} }
                                        @METHODS) . ")";
            next;
        }
        if (!exists $epaths->{$path}) {
            push @d, "$path: path not in the reference";
            next;
        }

        my ($gi, $ei) = ($gpaths->{$path}, $epaths->{$path});

        for my $m (@METHODS) {
            my $where = uc($m) . " $path";
            if ($ei->{$m} && !$gi->{$m}) {
                push @d, "$where: operation missing"
                    . " ($ei->{$m}{operationId})";
            } elsif ($gi->{$m} && !$ei->{$m}) {
                push @d, "$where: operation not in the reference";
            } elsif ($gi->{$m}) {
                diff_operation(\@d, $where, $got, $gi, $gi->{$m},
                               $exp, $ei, $ei->{$m});
            }
        }
    }

    return @d;
}

sub diff_operation {
    my ($d, $where, $gdoc, $gitem, $gop, $edoc, $eitem, $eop) = @_;

    push @$d, "$where: operationId: expected " . show($eop->{operationId})
        . ", got " . show($gop->{operationId})
        unless ($gop->{operationId} // '') eq ($eop->{operationId} // '');

    # parameters: in + name, required

    my $gp = operation_parameters($gdoc, $gitem, $gop);
    my $ep = operation_parameters($edoc, $eitem, $eop);

    for my $key (sort keys %{{ %$gp, %$ep }}) {
        my ($in, $name) = split /:/, $key, 2;
        my $w = "$where: $in parameter '$name'";
        if (!$gp->{$key}) {
            push @$d, "$w: missing" . ($ep->{$key}{required}
                                       ? ' (required)' : '');
        } elsif (!$ep->{$key}) {
            push @$d, "$w: not in the reference";
        } elsif ($gp->{$key}{required} != $ep->{$key}{required}) {
            push @$d, "$w: " . ($ep->{$key}{required} ? 'not required'
                                                     : 'required')
                . ", the reference has "
                . ($ep->{$key}{required} ? 'required' : 'optional');
        }
    }

    # security

    my $gs = security_list($gop->{security} // $gdoc->{security});
    my $es = security_list($eop->{security} // $edoc->{security});
    push @$d, "$where: security: expected $es, got $gs" if $gs ne $es;

    # request body

    my $gb = deref($gdoc, $gop->{requestBody});
    my $eb = deref($edoc, $eop->{requestBody});

    if ($eb && !$gb) {
        push @$d, "$where: requestBody missing";
    } elsif ($gb && !$eb) {
        push @$d, "$where: requestBody not in the reference";
    } elsif ($gb) {
        my ($gr, $er) = map { $_->{required} ? 1 : 0 } $gb, $eb;
        push @$d, "$where: requestBody is "
            . ($gr ? '' : 'not ') . "required, in the reference "
            . ($er ? '' : 'not ') . "required" if $gr != $er;
        diff_content($d, "$where: requestBody", $gdoc, $gb->{content},
                     $edoc, $eb->{content});
    }

    # responses

    my ($gr, $er) = map { ref $_->{responses} eq 'HASH' ? $_->{responses}
                                                        : {} } $gop, $eop;
    my @gcodes = sort grep { !/^x-/ } keys %$gr;
    my @ecodes = sort grep { !/^x-/ } keys %$er;
    my ($missing, $extra) = set_diff(\@gcodes, \@ecodes);
    push @$d, "$where: responses missing: @$missing" if @$missing;
    push @$d, "$where: responses not in the reference: @$extra" if @$extra;

    for my $code (grep { /^2/ && exists $gr->{$_} } @ecodes) {
        my $g = deref($gdoc, $gr->{$code});
        my $e = deref($edoc, $er->{$code});
        my $w = "$where: response $code";

        my ($mh, $xh) = set_diff([keys %{ $g->{headers} || {} }],
                                 [keys %{ $e->{headers} || {} }]);
        push @$d, "$w: headers missing: @$mh" if @$mh;
        push @$d, "$w: headers not in the reference: @$xh" if @$xh;

        if ($e->{content} && !$g->{content}) {
            push @$d, "$w: no content, the reference has "
                . join(', ', sort keys %{ $e->{content} });
        } elsif ($g->{content} && !$e->{content}) {
            push @$d, "$w: content not in the reference: "
                . join(', ', sort keys %{ $g->{content} });
        } elsif ($g->{content}) {
            diff_content($d, $w, $gdoc, $g->{content}, $edoc, $e->{content});
        }
    }
}

# { "in:name" => { required => 0|1 } }, path item parameters overridden
# by the operation's.
sub operation_parameters {
    my ($doc, $item, $op) = @_;
    my %params;

    # (copies: foreach would create the keys it aliases)
    my @lists = ($item->{parameters}, $op->{parameters});

    for my $list (@lists) {
        for my $raw (@{ ref $list eq 'ARRAY' ? $list : [] }) {
            my $p = deref($doc, $raw);
            next unless ref $p eq 'HASH' && defined $p->{name};
            $params{"$p->{in}:$p->{name}"} = {
                required => $p->{required} ? 1 : 0,
            };
        }
    }

    return \%params;
}

sub security_list {
    my ($sec) = @_;
    return 'none' unless ref $sec eq 'ARRAY' && @$sec;

    my @reqs;
    for my $req (@$sec) {
        next unless ref $req eq 'HASH';
        push @reqs, '{}' unless %$req;
        push @reqs, join ' + ', map {
            "$_ [" . join(', ', sort @{ ref $req->{$_} eq 'ARRAY'
                                        ? $req->{$_} : [] }) . "]"
        } sort keys %$req if %$req;
    }

    return join ' or ', sort @reqs;
}

sub diff_content {
    my ($d, $where, $gdoc, $gc, $edoc, $ec) = @_;
    ($gc, $ec) = map { ref $_ eq 'HASH' ? $_ : {} } $gc, $ec;

    my ($missing, $extra) = set_diff([keys %$gc], [keys %$ec]);
    push @$d, "$where: media types missing: @$missing" if @$missing;
    push @$d, "$where: media types not in the reference: @$extra" if @$extra;

    for my $type (sort grep { exists $gc->{$_} } keys %$ec) {
        my ($gs, $es) = ($gc->{$type}{schema}, $ec->{$type}{schema});
        next unless $gs || $es;
        if (!$gs || !$es) {
            push @$d, "$where $type: " . ($gs ? 'a schema not in the'
                                               . ' reference'
                                             : 'schema missing');
            next;
        }
        diff_schema($d, "$where $type: ",
                    $gdoc, norm_schemas($gdoc, [[$gs, {}]]),
                    $edoc, norm_schemas($edoc, [[$es, {}]]), 0);
    }
}

# (only in $exp, only in $got) of two lists
sub set_diff {
    my ($got, $exp) = @_;
    my %g = map { $_ => 1 } @$got;
    my %e = map { $_ => 1 } @$exp;
    return ([sort grep { !$g{$_} } keys %e], [sort grep { !$e{$_} } keys %g]);
}

# A schema with $ref, allOf, oneOf and anyOf flattened into one node:
#
#   types, formats, maxLength: { value => 1 }
#   enum:       { value => 1 } or undef; null in an enum sets nullable
#   readOnly, writeOnly, nullable: 0|1
#   props:      { name => [ [schema, $ref stack], ... ] }, undef if none
#   required:   { name => 1 }
#   items:      [ [schema, $ref stack], ... ]
#   disc:       discriminator propertyName, variants: { key => [...] }
#   recursive:  { $ref => 1 } for a $ref met again inside itself
#   external:   { $ref => 1 } for a $ref to another document
#
# Sub-schemas are kept raw with the $ref stack they were met under and
# flattened when the comparison gets there, so recursive schemas end.

sub norm_schemas {
    my ($doc, $list) = @_;
    my %n = (types => {}, formats => {}, maxLength => {}, required => {},
             readOnly => 0, writeOnly => 0, nullable => 0);
    merge_schema(\%n, $doc, @$_) for @$list;
    return \%n;
}

sub merge_schema {
    my ($n, $doc, $s, $stack) = @_;
    return unless ref $s eq 'HASH';

    if (defined(my $ref = $s->{'$ref'})) {
        if ($ref !~ /^#/) {
            $n->{external}{$ref} = 1;
            return;
        }
        if ($stack->{$ref}) {
            $n->{recursive}{$ref} = 1;
            return;
        }
        my $target = resolve($doc, $ref);
        if (!defined $target) {
            $n->{unresolved}{$ref} = 1;
            return;
        }
        merge_schema($n, $doc, $target, { %$stack, $ref => 1 });
        return;
    }

    $n->{types}{ $s->{type} } = 1 if defined $s->{type};
    $n->{formats}{ $s->{format} } = 1 if defined $s->{format};
    $n->{maxLength}{ $s->{maxLength} } = 1 if defined $s->{maxLength};

    for my $k (qw(readOnly writeOnly nullable)) {
        $n->{$k} = 1 if $s->{$k};
    }

    if (ref $s->{enum} eq 'ARRAY') {
        $n->{enum} //= {};
        for my $v (@{ $s->{enum} }) {
            if (defined $v) {
                $n->{enum}{$v} = 1;
            } else {
                $n->{nullable} = 1;
            }
        }
    }

    if (ref $s->{properties} eq 'HASH') {
        $n->{props} //= {};
        for my $name (keys %{ $s->{properties} }) {
            push @{ $n->{props}{$name} }, [$s->{properties}{$name}, $stack];
        }
    }

    if (ref $s->{required} eq 'ARRAY') {
        $n->{required}{$_} = 1 for @{ $s->{required} };
    }

    push @{ $n->{items} }, [$s->{items}, $stack] if exists $s->{items};

    if (ref $s->{discriminator} eq 'HASH'
        && ref $s->{discriminator}{mapping} eq 'HASH')
    {
        my $disc = $s->{discriminator};
        $n->{disc} = $disc->{propertyName};
        for my $key (keys %{ $disc->{mapping} }) {
            push @{ $n->{variants}{$key} },
                [{ '$ref' => $disc->{mapping}{$key} }, $stack];
        }
    }

    for my $k (qw(allOf oneOf anyOf)) {
        next unless ref $s->{$k} eq 'ARRAY';
        merge_schema($n, $doc, $_, $stack) for @{ $s->{$k} };
    }
}

sub set_str {
    my ($set) = @_;
    my @v = sort keys %{ $set || {} };
    return @v ? join('|', @v) : 'none';
}

sub diff_schema {
    my ($d, $where, $gdoc, $g, $edoc, $e, $depth) = @_;
    (my $at = $where) =~ s/[.: ]+$//;

    if ($depth > 40) {
        push @$d, "$at: nested too deep, not compared";
        return;
    }

    # both came back to a schema they are inside of: compared already
    return if $g->{recursive} && $e->{recursive}
              && !$g->{props} && !$e->{props};

    # what another document defines is not compared
    return if $g->{external} || $e->{external};

    for my $u ([$g, 'got'], [$e, 'reference']) {
        push @$d, "$at: unresolved \$ref in the $u->[1]: "
            . join(', ', sort keys %{ $u->[0]{unresolved} })
            if $u->[0]{unresolved};
    }

    for my $k (['types', 'type'], ['formats', 'format'],
               ['maxLength', 'maxLength'])
    {
        my ($gs, $es) = (set_str($g->{ $k->[0] }), set_str($e->{ $k->[0] }));
        push @$d, "$at: $k->[1]: expected $es, got $gs" if $gs ne $es;
    }

    for my $k (qw(readOnly writeOnly nullable)) {
        push @$d, "$at: " . ($e->{$k} ? "not $k, the reference is $k"
                                      : "$k, the reference is not")
            if $g->{$k} != $e->{$k};
    }

    if ($g->{enum} || $e->{enum}) {
        if (!$e->{enum}) {
            push @$d, "$at: enum not in the reference";
        } elsif (!$g->{enum}) {
            push @$d, "$at: enum missing: " . show_values($e->{enum});
        } else {
            my ($missing, $extra) = set_diff([keys %{ $g->{enum} }],
                                             [keys %{ $e->{enum} }]);
            push @$d, "$at: enum values missing: " . show_values($missing)
                if @$missing;
            push @$d, "$at: enum values not in the reference: "
                . show_values($extra) if @$extra;
        }
    }

    my ($missing, $extra) = set_diff([keys %{ $g->{required} }],
                                     [keys %{ $e->{required} }]);
    push @$d, "$at: required in the reference, not here: @$missing"
        if @$missing;
    push @$d, "$at: required here, not in the reference: @$extra" if @$extra;

    if ($g->{props} || $e->{props}) {
        my ($gp, $ep) = ($g->{props} || {}, $e->{props} || {});
        for my $name (sort keys %{{ %$gp, %$ep }}) {
            if (!$gp->{$name}) {
                push @$d, "$where$name: property missing";
            } elsif (!$ep->{$name}) {
                push @$d, "$where$name: property not in the reference";
            } else {
                diff_schema($d, "$where$name.",
                            $gdoc, norm_schemas($gdoc, $gp->{$name}),
                            $edoc, norm_schemas($edoc, $ep->{$name}),
                            $depth + 1);
            }
        }
    }

    if ($g->{items} || $e->{items}) {
        if (!$g->{items} || !$e->{items}) {
            push @$d, "$at: items " . ($g->{items} ? 'not in the reference'
                                                    : 'missing');
        } else {
            diff_schema($d, "$at\[].",
                        $gdoc, norm_schemas($gdoc, $g->{items}),
                        $edoc, norm_schemas($edoc, $e->{items}), $depth + 1);
        }
    }

    if ($e->{variants} && !$g->{variants}) {
        push @$d, "$at: no discriminated variants, the reference has a"
            . " discriminator on '$e->{disc}' with "
            . join(', ', sort keys %{ $e->{variants} });
    } elsif ($g->{variants} && !$e->{variants}) {
        push @$d, "$at: discriminated variants not in the reference";
    } elsif ($g->{variants}) {
        push @$d, "$at: discriminator: expected '$e->{disc}', got"
            . " '$g->{disc}'" if ($g->{disc} // '') ne ($e->{disc} // '');
        my ($vm, $vx) = set_diff([keys %{ $g->{variants} }],
                                 [keys %{ $e->{variants} }]);
        push @$d, "$at: variants missing: @$vm" if @$vm;
        push @$d, "$at: variants not in the reference: @$vx" if @$vx;
        for my $key (sort grep { $g->{variants}{$_} }
                          keys %{ $e->{variants} })
        {
            diff_schema($d, "$at<$key>.",
                        $gdoc, norm_schemas($gdoc, $g->{variants}{$key}),
                        $edoc, norm_schemas($edoc, $e->{variants}{$key}),
                        $depth + 1);
        }
    }
}

sub show_values {
    my ($v) = @_;
    my @v = ref $v eq 'HASH' ? sort keys %$v : sort @$v;
    return join ', ', map { show($_) } @v;
}

#------------------------------------------------------------------------
# --- openapi_check
#------------------------------------------------------------------------

my %block_docs;    # block name -> api -> { json => doc, compared => 1 }

sub openapi_check {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    return unless defined $block->openapi_check;

    my $name = $block->name;
    my $sfx = "(repeated req $rep_idx, req $req_idx)";
    local $Test::Builder::Level = $Test::Builder::Level + 1;

    my $reqs = $block->request;
    my $req = ref $reqs eq 'ARRAY' ? $reqs->[$req_idx] : $reqs;
    my ($api, $format) = ($req // '')
        =~ m{^\s*\S+\s+/([^/\s]+)/api/v1/(?:schema/)?openapi\.(json|yaml)\b};

    if (!defined $api) {
        Test::More::fail("$name - openapi_check: request $sfx");
        Test::More::diag("not an OpenAPI document request: "
                         . ($req // '(none)'));
        return;
    }

    my $what = "$api $format";

    if ($dry_run) {
        SKIP: {
            Test::More::skip("$name - tests skipped due to $dry_run", 4);
        }
        return;
    }

    my $doc = eval { oz_openapi_parse($body // '', $format) };
    my $error = $@;
    Test::More::ok(!$error && ref $doc eq 'HASH',
                   "$name - $what parses $sfx")
        or Test::More::diag("$error\nbody: " . substr($body // '', 0, 500));
    return if $error || ref $doc ne 'HASH';

    report("$name - $what is valid OpenAPI 3.0.3 $sfx",
           oz_openapi_problems($doc));

    my $seen = $block_docs{$name}{$api} //= {};

    if ($format eq 'json') {
        # the text: the parsed document goes on to the comparison
        $seen->{json} //= $body;
    } elsif (defined $seen->{json}) {
        my $diff = oz_data_diff(oz_openapi_parse($seen->{json}, 'json'),
                                $doc);
        Test::More::ok(!defined $diff,
                       "$name - $what is the JSON document $sfx")
            or Test::More::diag("JSON versus YAML: $diff");
    }

    return if $seen->{compared}++;

    my $ref = eval { oz_openapi_reference($api) };
    if ($@ || !$ref) {
        SKIP: {
            Test::More::skip("$name - $what: no reference spec "
                             . ($@ ? "($@)" : "\$TEST_NGINX_OZ_SPECS/"
                                              . "$api-openapi.yaml"), 1);
        }
        return;
    }

    my (@problems, %matched);
    my @patterns = @{ $known{$api} || [] };

    DIFF: for my $diff (oz_openapi_diff($doc, $ref)) {
        for my $i (0 .. $#patterns) {
            if ($diff =~ $patterns[$i]) {
                $matched{$i}++;
                Test::More::note("known difference: $diff");
                next DIFF;
            }
        }
        push @problems, $diff;
    }

    for my $i (grep { !$matched{$_} } 0 .. $#patterns) {
        Test::More::note("known difference no longer seen: $patterns[$i]");
    }

    report("$name - $what matches $api-openapi.yaml $sfx", @problems);
}

sub report {
    my ($desc, @problems) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;

    return Test::More::pass($desc) unless @problems;

    Test::More::fail($desc);
    my @shown = splice @problems, 0, $MAX_SHOWN;
    Test::More::diag(join "\n", @shown,
                     @problems ? ('... and ' . @problems . ' more') : ());
    return;
}

1;
