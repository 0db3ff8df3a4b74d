/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#ifndef _NGX_OPENZAAK_API_H_INCLUDED_
#define _NGX_OPENZAAK_API_H_INCLUDED_


#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


/* value lists shared by several APIs */
extern const char *const  ngx_openzaak_va_enum[];
extern const char *const  ngx_openzaak_component_enum[];

/* Autorisaties API */
extern ngx_openzaak_resource_t  ngx_openzaak_ac_applicatie;


#endif /* _NGX_OPENZAAK_API_H_INCLUDED_ */
