package OZ::Checks;

# Block sections shared by the API test files, registered when the module
# is used (with the public add_response_body_check and
# add_block_preprocessor, so both runners run them):
#
#   --- invalid_params   the expected 400 ValidatieFout: one line per entry,
#           "name code [reason]"; compared as a set (order free), nothing
#           missing and nothing extra; the body's code must be "invalid"
#           and its status 400.  An eval array gives one text per request.
#   --- results_by_uuid  JSON object uuid -> subset: the list response has
#           exactly these results (count and page), in any order, each
#           containing its subset.  A JSON array gives one per request.
#
# Every block also gets no_error_log [alert] [crit] [emerg] unless it says
# otherwise, and a problem+json Content-Type check with invalid_params.

use strict;
use warnings;

use JSON::PP ();
use Test::More ();
use Test::Nginx::Socket ();
use OZ::Test ();

my $JSON = JSON::PP->new->utf8->canonical->allow_nonref;

sub check_desc {
    my ($block, $what, $req_idx, $rep_idx) = @_;
    return $block->name . " - $what ok (repeated req $rep_idx, req $req_idx)";
}

# --- sql_check / --- sql_check_out
# --- invalid_params
Test::Nginx::Socket::add_response_body_check(sub {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $spec = $block->invalid_params;
    return unless defined $spec;
    my $desc = check_desc($block, 'invalid_params', $req_idx, $rep_idx);
    if ($dry_run) {
        SKIP: { Test::More::skip("$desc: $dry_run", 1) }
        return;
    }
    $spec = $spec->[$req_idx] if ref $spec eq 'ARRAY';
    return unless defined $spec;
    utf8::decode($spec) unless utf8::is_utf8($spec);
    my @want;
    for my $line (split /\n/, $spec) {
        $line =~ s/^\s+|\s+$//g;
        next unless length $line;
        push @want, [split /\s+/, $line, 3];
    }
    my @problems;
    my $doc = eval { $JSON->decode($body // '') };
    if (ref $doc ne 'HASH') {
        push @problems, 'the body is not a JSON object';
    } else {
        push @problems, 'code is ' . OZ::Test::show($doc->{code})
                        . ', not "invalid"'
            unless ($doc->{code} // '') eq 'invalid';
        push @problems, 'status is ' . OZ::Test::show($doc->{status})
                        . ', not 400'
            unless ($doc->{status} // '') eq '400';
        my @left = ref $doc->{invalidParams} eq 'ARRAY'
                   ? @{ $doc->{invalidParams} } : ();
        push @problems, 'invalidParams is not an array'
            unless ref $doc->{invalidParams} eq 'ARRAY';
        for my $w (@want) {
            my ($i) = grep {
                ref $left[$_] eq 'HASH'
                && ($left[$_]{name} // '') eq $w->[0]
                && ($left[$_]{code} // '') eq $w->[1]
            } 0 .. $#left;
            if (!defined $i) {
                push @problems, "missing {name: $w->[0], code: $w->[1]}";
                next;
            }
            my ($got) = splice @left, $i, 1;
            push @problems, "reason of $w->[0] ($w->[1]): expected"
                . " \"$w->[2]\", got " . OZ::Test::show($got->{reason})
                if defined $w->[2] && ($got->{reason} // '') ne $w->[2];
        }
        push @problems, 'unexpected ' . OZ::Test::show($_) for @left;
    }
    Test::More::ok(!@problems, $desc)
        or Test::More::diag(join("\n", @problems) . "\nresponse: "
                            . OZ::Test::shorten($body // '', 1500));
});

# --- results_by_uuid
Test::Nginx::Socket::add_response_body_check(sub {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $spec = $block->results_by_uuid;
    return unless defined $spec;
    my $desc = check_desc($block, 'results_by_uuid', $req_idx, $rep_idx);
    if ($dry_run) {
        SKIP: { Test::More::skip("$desc: $dry_run", 1) }
        return;
    }
    utf8::encode($spec) if utf8::is_utf8($spec);
    my $want = $JSON->decode($spec);
    $want = $want->[$req_idx] if ref $want eq 'ARRAY';
    my @problems;
    my $doc = eval { $JSON->decode($body // '') };
    if (ref $doc ne 'HASH' || ref $doc->{results} ne 'ARRAY') {
        push @problems, 'not a paginated list';
    } else {
        my %got;
        for my $r (@{ $doc->{results} }) {
            my ($u) = (ref $r eq 'HASH' ? $r->{url} // '' : '')
                      =~ m{/([0-9a-fA-F-]{36})\z};
            push @problems, 'a result without a url: ' . OZ::Test::show($r)
                unless defined $u;
            $got{$u // ''} = $r;
        }
        my $n = keys %$want;
        push @problems, "count is " . OZ::Test::show($doc->{count})
                        . ", expected $n"
            unless ($doc->{count} // '') eq $n;
        push @problems, scalar(@{ $doc->{results} }) . " results, expected $n"
            unless @{ $doc->{results} } == $n;
        for my $u (sort keys %$want) {
            if (!exists $got{$u}) {
                push @problems, "no result $u";
                next;
            }
            my $d = OZ::Test::subset_diff($want->{$u}, $got{$u}, $u);
            push @problems, $d if defined $d;
        }
        for my $u (sort keys %got) {
            push @problems, "unexpected result $u" unless exists $want->{$u};
        }
    }
    Test::More::ok(!@problems, $desc)
        or Test::More::diag(join("\n", @problems) . "\nresponse: "
                            . OZ::Test::shorten($body // '', 1500));
});

Test::Nginx::Socket::add_block_preprocessor(sub {
    my ($block) = @_;
    $block->set_value(no_error_log => "[alert]\n[crit]\n[emerg]")
        unless defined $block->no_error_log;
    $block->set_value(response_headers_like => OZ::Test::oz_each($block,
                      'Content-Type: application/problem\+json'))
        if defined $block->invalid_params
           && !defined $block->response_headers_like;
});

1;
