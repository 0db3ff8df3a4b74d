# Builds the libFuzzer targets; run by .ci/fuzz as
#
#   make -C build/fuzz/nginx-src -f t/fuzz/fuzz.mk FUZZ_SRC=t/fuzz \
#       FUZZ_OUT=build/fuzz FUZZ_LINK_MK=build/fuzz/link.mk
#
# in an nginx tree configured with the module added statically. nginx's
# own objs/Makefile is included, so its objects (nginx and the module) are
# rebuilt by its rules when their sources change; a target is relinked
# when an object or its harness changed. libFuzzer brings main(): nginx's
# is renamed in a copy of nginx.o, which also defines ngx_core_module and
# other globals the rest of nginx needs.

include objs/Makefile
include $(FUZZ_LINK_MK)

FUZZ_TARGETS = router query jwt json
FUZZ_BINS = $(addprefix $(FUZZ_OUT)/,$(FUZZ_TARGETS))
FUZZ_DEPS = $(FUZZ_SRC)/ngx_openzaak_fuzz.h $(CORE_DEPS) $(HTTP_DEPS) \
	$(ADDON_DEPS)
FUZZ_INCS = $(ALL_INCS) -I $(FUZZ_SRC)

.PHONY: fuzz
fuzz: $(FUZZ_BINS)

$(FUZZ_OUT)/obj/%.o: $(FUZZ_SRC)/%.c $(FUZZ_DEPS)
	@mkdir -p $(FUZZ_OUT)/obj
	$(CC) -c $(CFLAGS) $(FUZZ_INCS) -o $@ $<

$(FUZZ_OUT)/obj/nginx.o: objs/src/core/nginx.o
	@mkdir -p $(FUZZ_OUT)/obj
	objcopy --redefine-sym main=ngx_fuzz_nginx_main $< $@

$(FUZZ_BINS): $(FUZZ_OUT)/%: $(FUZZ_OUT)/obj/fuzz_%.o \
		$(FUZZ_OUT)/obj/ngx_openzaak_fuzz.o $(FUZZ_OUT)/obj/nginx.o \
		$(NGX_LINK_OBJS)
	$(LINK) -fsanitize=fuzzer,address,undefined -o $@ $^ $(NGX_LINK_LIBS)
