#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets and their dictionaries.

    python3 t/fuzz/seeds.py [OUTDIR]

OUTDIR defaults to t/fuzz/corpus/; each target's seeds go to
OUTDIR/<target>/ and the dictionaries to t/fuzz/<target>.dict. Minimise the
corpus afterwards with `.ci/fuzz merge` (docs/testing.md, "Fuzzing"). Run
this to start over or after the descriptors changed.

The jwt seeds are tokens signed with the secret of the jwt target's client
(fuzz_jwt.c), with times around the harness's pinned clock
(ngx_openzaak_fuzz.c), so that they stay valid.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
API = os.path.join(REPO, "ngx_openzaak_module", "api")

SECRET = b"fuzz-secret-0123456789"
CLIENT = "fuzz-client"
NOW = 1767225600
BASE = "http://oz.example.nl:8000"
UUID = "0bd8a3c4-0e0f-4d8e-9b8e-d6a1c4e0f00d"


def descriptor_names():
    """JSON names of fields and filters, resource paths, actions."""
    names, paths, actions = set(), [], set()
    for f in sorted(os.listdir(API)):
        if not f.endswith(".c"):
            continue
        src = open(os.path.join(API, f), encoding="utf-8").read()
        names.update(re.findall(r'\.name\s*=\s*"([A-Za-z_]+)"', src))
        for m in re.finditer(r'\.path\s*=\s*"([a-z-]+)"', src):
            api = "autorisaties" if f.startswith("autorisaties") else "catalogi"
            paths.append((api, m.group(1)))
        actions.update(re.findall(r'NGX_OZ_OP_ACTION,\s*NGX_HTTP_[A-Z]+,\s*"([a-z]+)"', src))
    return sorted(names), paths, sorted(actions)


def write(outdir, target, name, data):
    d = os.path.join(outdir, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as fh:
        fh.write(data)


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(claims, header=None, secret=SECRET, sig=None):
    h = {"alg": "HS256", "typ": "JWT"} if header is None else header
    hp = b64(json.dumps(h, separators=(",", ":")).encode()) + "." \
        + b64(json.dumps(claims, separators=(",", ":")).encode())
    if sig is None:
        sig = b64(hmac.new(secret, hp.encode(), hashlib.sha256).digest())
    return hp + "." + sig


def router(outdir, paths, actions):
    lines = [
        "GET /autorisaties/api/v1", "GET /autorisaties/api/v1/",
        "POST /catalogi/api/v1", "GET /catalogi/api/v1/openapi.yaml",
        "GET /catalogi/api/v1/schema/openapi.json", "GET /catalogi/api/v1/schema",
        "PUT /autorisaties/api/v1/openapi.json",
        "GET http://oz.example.nl:8000/catalogi/api/v1/catalogussen",
        "GET /catalogi/api/v1/../api/v1/zaaktypen%2F",
        "GET /prefix/catalogi/api/v1//zaaktypen",
        "OPTIONS /catalogi/api/v1/zaaktypen",
        "GET /catalogi/api/v1/zaaktypen/" + UUID.upper(),
        "GET /catalogi/api/v1/zaaktypen/" + UUID + "/x/y",
    ]
    for api, path in paths:
        root = "/%s/api/v1/%s" % (api, path)
        lines += ["GET " + root, "POST " + root + "?a=b",
                  "PATCH %s/%s" % (root, UUID), "DELETE %s/%s" % (root, UUID),
                  "HEAD %s/%s" % (root, UUID)]
        for a in actions:
            lines += ["GET %s/%s" % (root, a), "POST %s/%s/%s" % (root, UUID, a)]
    for i, line in enumerate(lines):
        write(outdir, "router", "seed-%03d" % i, line)


def query(outdir, names):
    url = BASE + "/catalogi/api/v1/catalogussen/" + UUID
    qs = [
        "", "page=2&pageSize=10", "page=last", "page=0", "pageSize=-1&page=x",
        "catalogus=" + url + "&status=alles", "status=concept",
        "datumGeldigheid=2024-02-29", "datumGeldigheid=2023-02-29",
        "identificatie=ZT-1&identificatie=ZT-2", "clientId=abc",
        "clientIds=a,b", "domein__in=A,B&rsin__in=002220647",
        "zaaktype=" + BASE + "/catalogi/api/v1/zaaktypen/" + UUID,
        "informatieobjecttype=http://x/y", "foo=bar&foo=baz&bar",
        "a+b=%20c&%zz=%e2%82%ac", "trefwoorden=a,b",
        "omschrijving__icontains=x%25&richting=inkomend",
        "datumBeginGeldigheid=2024-01-01&datumEindeGeldigheid=2024-12-31",
        "objecttype=http%3A%2F%2Fexample.com%2Fx&anderObjecttype=true",
        "&&=&page=%31",
    ]
    for i, q in enumerate(qs):
        write(outdir, "query", "seed-%03d" % i, q)


def jwt(outdir):
    ok = {"client_id": CLIENT, "iat": NOW - 10, "iss": CLIENT}
    seeds = [
        token(ok),
        token(dict(ok, iat=NOW - 7200)),
        token(dict(ok, iat=NOW + 3600)),
        token(dict(ok, iat=NOW + 10)),
        token(dict(ok, exp=NOW - 1)),
        token(dict(ok, exp=NOW + 60, nbf=NOW + 60)),
        token(dict(ok, aud="zrc")),
        token(dict(ok, iat=str(NOW - 10))),
        token(dict(ok, iat=NOW - 10.5)),
        token(dict(ok, iat=None)),
        token({"client_id": CLIENT}),
        token({"iat": NOW}, header={"alg": "HS256", "client_identifier": CLIENT}),
        token(dict(ok, client_id="")),
        token(ok, header={"alg": "HS512", "typ": "JWT"}),
        token(ok, header={"alg": "none"}, sig=""),
        token(ok, sig="AAAA"),
        token(ok, secret=b"another-secret"),
        token(dict(ok, user_id="u", user_representation="U", extra=[1, {"a": True}])),
    ]
    for i, t in enumerate(seeds):
        write(outdir, "jwt", "seed-%03d" % i, "Bearer " + t)
    others = ["Bearer", "bearer " + seeds[0], "Bearer  " + seeds[0] + "   ",
              "Bearer a.b", "Bearer a.b.c.d", "Bearer ..", "Basic Zm9vOmJhcg=="]
    for i, t in enumerate(others):
        write(outdir, "jwt", "other-%03d" % i, t)


def value(name):
    """A plausible value for a field, by its JSON name."""
    refs = {"catalogus": "catalogussen", "zaaktype": "zaaktypen",
            "informatieobjecttype": "informatieobjecttypen",
            "besluittype": "besluittypen", "statustype": "statustypen",
            "resultaattype": "resultaattypen", "roltype": "roltypen",
            "eigenschap": "eigenschappen", "zaakobjecttype": "zaakobjecttypen",
            "checklistitemStatustype": "statustypen",
            "bronzaaktype": "zaaktypen", "deelzaaktype": "zaaktypen"}
    if name in refs:
        return "%s/catalogi/api/v1/%s/%s" % (BASE, refs[name], UUID)
    if name in ("besluittypen", "informatieobjecttypen", "zaaktypen",
                "deelzaaktypen", "statustypen", "resultaattypen"):
        return [value(name[:-1] if name.endswith("n") else name)]
    if name.startswith("datum") or name in ("versiedatum", "begindatumVersie"):
        return "2024-01-01"
    if name in ("doorlooptijd", "servicenorm", "verlengingstermijn",
                "archiefactietermijn", "publicatietermijn", "reactietermijn",
                "procestermijn"):
        return "P30D"
    if name in ("concept", "verlengingMogelijk", "publicatieIndicatie",
                "opschortingEnAanhoudingMogelijk", "heeftAlleAutorisaties",
                "isEindstatus", "informeren", "indicatieSpecifiek", "verplicht",
                "einddatumBekend"):
        return False
    enums = {"vertrouwelijkheidaanduiding": "openbaar",
             "maxVertrouwelijkheidaanduiding": "openbaar",
             "indicatieInternOfExtern": "intern", "richting": "inkomend",
             "archiefnominatie": "blijvend_bewaren",
             "afleidingswijze": "afgehandeld", "omschrijvingGeneriek": "initiator",
             "formaat": "tekst", "component": "zrc", "aardRelatie": "vervolg",
             "kardinaliteit": "1", "lengte": "10"}
    if name in enums:
        return enums[name]
    if name == "rsin":
        return "002220647"
    if name.endswith("Emailadres"):
        return "beheer@example.nl"
    if name == "volgnummer":
        return 1
    if name in ("trefwoorden", "productenOfDiensten", "verantwoordingsrelatie",
                "clientIds", "scopes", "waardenverzameling"):
        return ["x"]
    if name == "specificatie":
        return {"groep": "g", "formaat": "tekst", "lengte": "10",
                "kardinaliteit": "1", "waardenverzameling": []}
    if name == "brondatumArchiefprocedure":
        return {"afleidingswijze": "afgehandeld", "datumkenmerk": "",
                "einddatumBekend": False, "objecttype": "", "registratie": "",
                "procestermijn": None}
    if name == "autorisaties":
        return [{"component": "ztc", "scopes": ["catalogi.lezen"],
                 "maxVertrouwelijkheidaanduiding": "openbaar"}]
    if name == "gerelateerdeZaaktypen":
        return [{"zaaktype": "ZT-2", "aardRelatie": "vervolg",
                 "toelichting": ""}]
    if name == "selectielijstProcestype" or name == "url" or name.endswith("klasse"):
        return "https://selectielijst.example.nl/api/v1/procestypen/" + UUID
    return "x" + name[:3].upper()


def json_bodies(outdir, names):
    full = {n: value(n) for n in names if not n[0].isupper() and "__" not in n}
    for b in range(40):
        write(outdir, "json", "full-%03d" % b,
              bytes([b]) + json.dumps(full, ensure_ascii=False).encode())
        write(outdir, "json", "empty-%03d" % b, bytes([b]) + b"{}")
    odd = ['[]', '"x"', '1', '{"a":', '{"concept": "ja", "volgnummer": 1.5}',
           '{"rsin": "\\u0000", "domein": "\\ud800"}', ' {} ', '{"x":1}{}',
           '{"autorisaties": [null, 1, {"scopes": "x"}]}',
           '{"catalogus": "", "zaaktype": "http://x"}', '']
    for i, o in enumerate(odd):
        write(outdir, "json", "odd-%03d" % i, bytes([i * 7 % 40]) + o.encode())


def dictionary(target, words):
    with open(os.path.join(HERE, target + ".dict"), "w", encoding="utf-8") as fh:
        fh.write("# libFuzzer dictionary of the %s target (t/fuzz/seeds.py)\n"
                 % target)
        for w in sorted(set(words)):
            fh.write('"%s"\n' % w.replace("\\", "\\\\").replace('"', '\\"'))


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus")
    names, paths, actions = descriptor_names()
    router(outdir, paths, actions)
    query(outdir, names)
    jwt(outdir)
    json_bodies(outdir, names)

    common = ["/catalogi/api/v1", "/autorisaties/api/v1", UUID, BASE]
    dictionary("router", common + [p for _, p in paths] + actions
               + ["GET ", "HEAD ", "POST ", "PUT ", "PATCH ", "DELETE ",
                  "/openapi.yaml", "/openapi.json", "/schema", "%2F", "/..",
                  "/./", "//", "?", "#"])
    dictionary("query", common + names
               + ["page=", "pageSize=", "last", "&", "=", "%", "+", ",",
                  "true", "false", "True", "2024-02-29", "alles", "concept",
                  "definitief", "http://", "https://"])
    dictionary("json", common + ['"%s":' % n for n in names]
               + ["true", "false", "null", "\\u0000", "\\ud800", "\\u00e9",
                  "P1Y2M3DT4H5M6S", "2024-02-29", "2024-01-01T12:00:00Z",
                  "http://", "openbaar", "zeer_geheim", "002220647"])


if __name__ == "__main__":
    main()
