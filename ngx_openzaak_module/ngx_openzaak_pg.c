/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#include <ngx_config.h>
#include <ngx_core.h>
