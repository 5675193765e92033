#ifndef PASSERELLE_CLIBXML2_SHIM_H
#define PASSERELLE_CLIBXML2_SHIM_H
// xmlversion.h first so that ICU can be switched off before the other headers
// drag in ICU types that clash with Foundation's own copy of ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

// Mutable C globals and macros are not visible to Swift 6: expose them as functions.
static inline void passerelle_xml_free(void *pointer) { xmlFree(pointer); }

// Some errors (input encoding conversion, I/O) bypass a reader's own error handler
// and go to libxml2's generic one, which prints to stderr; that handler is kept per
// thread. Readers collect their errors themselves, so it is silenced on their thread.
static inline void passerelle_xml_ignore(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}
static inline void passerelle_xml_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, passerelle_xml_ignore);
}
#endif
