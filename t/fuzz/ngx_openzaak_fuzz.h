/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * What the libFuzzer targets share: just enough of nginx in-process to run
 * the module's parsers (a cycle, a log, module indexes, requests built by
 * nginx's own request line and header parsers), the answer captured from
 * the output filters, and the oracles every answer is checked with.
 */


#ifndef _NGX_OPENZAAK_FUZZ_H_INCLUDED_
#define _NGX_OPENZAAK_FUZZ_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


/* The host every fuzzed request names in its Host header. */
#define NGX_OPENZAAK_FUZZ_HOST  "oz.example.nl:8000"


/* An answer as it reached the output filters. */
typedef struct {
    ngx_flag_t                  header_sent;
    ngx_uint_t                  status;
    ngx_str_t                   content_type;
    off_t                       content_length;
    ngx_flag_t                  last_buf;
    ngx_flag_t                  allow;          /* an Allow header */
    ngx_str_t                   body;
    size_t                      body_cap;
} ngx_openzaak_fuzz_answer_t;


extern ngx_openzaak_fuzz_answer_t  ngx_openzaak_fuzz_answer;
extern ngx_openzaak_loc_conf_t     ngx_openzaak_fuzz_lcf;
extern ngx_log_t                  *ngx_openzaak_fuzz_log;


void ngx_openzaak_fuzz_init(void);
ngx_openzaak_api_t *ngx_openzaak_fuzz_api(ngx_uint_t i);

ngx_pool_t *ngx_openzaak_fuzz_pool(void);
ngx_http_request_t *ngx_openzaak_fuzz_request(ngx_pool_t *pool,
    u_char *line, size_t len);
ngx_int_t ngx_openzaak_fuzz_header(ngx_http_request_t *r, u_char *line,
    size_t len, ngx_table_elt_t **out);
ngx_openzaak_ctx_t *ngx_openzaak_fuzz_ctx(ngx_http_request_t *r,
    ngx_openzaak_api_t *api);

void ngx_openzaak_fuzz_check(ngx_openzaak_ctx_t *ctx, ngx_int_t rc,
    const char *what);
void ngx_openzaak_fuzz_check_json(u_char *p, size_t len, const char *what);
ngx_flag_t ngx_openzaak_fuzz_utf8(u_char *p, size_t len);
void ngx_openzaak_fuzz_fail(const char *what, const char *fmt, ...);

const char *ngx_openzaak_fuzz_method_name(ngx_uint_t method);


#endif /* _NGX_OPENZAAK_FUZZ_H_INCLUDED_ */
