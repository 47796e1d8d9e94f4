#ifndef _INCLUDED_synapses_post_codeobject
#define _INCLUDED_synapses_post_codeobject

void _run_synapses_post_codeobject();

void _debugmsg_synapses_post_codeobject();

#endif
