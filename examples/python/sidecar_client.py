"""A Python client of the cuishou-guard sidecar, standard library only (urllib), guided by the OpenAPI
document: each call is named by its operationId in schemas/openapi.json, which gives its path and method.

    python3 examples/python/sidecar_client.py http://127.0.0.1:8181 examples/data/check-request.json

prints the decision of POST /v1/check for the request file (set CUISHOU_GUARD_TOKEN when the sidecar
runs with --token-file). test/sidecar/openapi.test.ts runs it against a real sidecar.
"""
import json
import os
import sys
import urllib.error
import urllib.request

OPENAPI = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas", "openapi.json")


class Sidecar:
    def __init__(self, base, token=None, openapi_path=OPENAPI):
        self.base = base.rstrip("/")
        self.token = token
        with open(openapi_path, encoding="utf-8") as f:
            document = json.load(f)
        # operationId -> (method, path), from the document's paths.
        self.operations = {
            op["operationId"]: (method.upper(), path)
            for path, item in document["paths"].items()
            for method, op in item.items()
        }

    def call(self, operation_id, body=None):
        """Returns (HTTP status, decoded JSON answer). 400 answers carry a body too: it is returned."""
        method, path = self.operations[operation_id]
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("content-type", "application/json")
        if self.token:
            request.add_header("authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def check(self, context, action):
        return self.call("check", {"context": context, "action": action})

    def quota(self, context, at):
        return self.call("quota", {"context": context, "at": at})

    def next_allowed(self, context, action):
        return self.call("nextAllowed", {"context": context, "action": action})

    def ruleset(self):
        return self.call("ruleset")


def main(argv):
    base, request_file = argv[1], argv[2]
    with open(request_file, encoding="utf-8") as f:
        request = json.load(f)
    sidecar = Sidecar(base, os.environ.get("CUISHOU_GUARD_TOKEN"))
    status, decision = sidecar.check(request["context"], request["action"])
    _, quota = sidecar.quota(request["context"], request["action"]["at"])
    _, later = sidecar.next_allowed(request["context"], request["action"])
    print(json.dumps({
        "status": status,
        "outcome": decision["outcome"],
        "rules": [v["rule"] for v in decision["violations"]],
        "voiceLeft": quota["quota"]["voice"]["left"],
        "nextAllowedAt": later["at"],
    }, ensure_ascii=False))
    return 0 if status in (200, 400) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
