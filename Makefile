# ngx_openzaak_module: build, local run and tests. See docs/operations.md.
#
#   make [build]        build/ngx_http_openzaak_module.so (NGINX_SRC=/path to use another nginx tree)
#   make run            PostgreSQL + nginx with the module on 127.0.0.1:$(OZ_PORT) (default 8000)
#   make stop           stop what `make run` started
#   make test [T=t/x.t] migrations check + prove (+ conformance when ../shared/conformance exists),
#                       under upstream Test::Nginx when ../shared/test-nginx exists
#   make test-bundled   the same under the bundled runner (t/lib/bundled)
#   make test-valgrind  the same under valgrind, without conformance
#   make test-asan      the same with nginx and the module built with ASan+UBSan
#   make fuzz           libFuzzer targets, FUZZ_TIME seconds each (default 60) [FUZZ_TARGETS=...]
#   make conformance    VNG OAS conformance suite [BASE_URL=http://...] [OZ_CONFORMANCE_FOLDERS="AC ZTC"]
#   make token          a JWT for the `make run` client [CLIENT_ID=... SECRET=...]
#   make deps           install missing Debian packages; make deps-bench for the benchmark tools
#   make bench          bench/run.sh, when it exists
#   make clean          remove build/ (keeps .run/)
#
# Every recipe calls a script in .ci/ by its absolute path, so `make -C <repo> ...`
# works from any directory.

REPO := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
CI   := $(REPO)/.ci

.PHONY: all build deps deps-bench run stop test test-bundled test-valgrind test-asan fuzz conformance bench clean token

all: build

build:
	@"$(CI)/deps" build
	@"$(CI)/build"

deps:
	@"$(CI)/deps" all

deps-bench:
	@"$(CI)/deps" bench

run:
	@"$(CI)/deps" all
	@"$(CI)/build"
	@"$(CI)/dev" run

stop:
	@"$(CI)/dev" stop

token:
	@"$(CI)/dev" token

test:
	@"$(CI)/deps" all
	@"$(CI)/build"
	@"$(CI)/test"

test-bundled:
	@"$(CI)/deps" all
	@"$(CI)/build"
	@OZ_TEST_RUNNER=bundled "$(CI)/test"

# valgrind and the sanitizers are watched by the bundled runner only
test-valgrind:
	@"$(CI)/deps" all
	@"$(CI)/build"
	@OZ_TEST_RUNNER=bundled TEST_NGINX_USE_VALGRIND=1 OZ_CONFORMANCE=0 "$(CI)/test"

test-asan:
	@"$(CI)/deps" all sanitize
	@"$(CI)/test-asan"

fuzz:
	@"$(CI)/deps" build sanitize
	@"$(CI)/fuzz"

conformance:
	@"$(CI)/deps" all
	@"$(CI)/build"
	@"$(CI)/conformance"

bench:
	@"$(CI)/deps" all
	@"$(CI)/deps" bench
	@"$(CI)/build"
	@if [ -f "$(REPO)/bench/run.sh" ]; then \
		cd "$(REPO)" && bash "$(REPO)/bench/run.sh"; \
	else \
		echo "bench/run.sh does not exist yet: nothing to benchmark"; \
	fi

clean:
	rm -rf "$(REPO)/build"
