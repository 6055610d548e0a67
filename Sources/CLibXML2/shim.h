// The parts of libxml2 that JourneyKit's validation uses, and wrappers for what Swift cannot call.
#ifndef JOURNEY_CLIBXML2_SHIM_H
#define JOURNEY_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>

// Debian builds libxml2 with ICU, so <libxml/encoding.h> would include the system's
// <unicode/ucnv.h>, whose types clash with the copy of ICU inside Swift's Foundation
// ("'UErrorCode' has different definitions in different modules") in any module that also
// imports Foundation; the clash shows on a clean build only. Nothing here uses ICU: without
// the macro the headers only leave out that include and the last two pointer fields of
// xmlCharEncodingHandler, a struct this package never reads or allocates.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/catalog.h>
#include <libxml/xmlschemas.h>

/// Frees memory that libxml2 allocated.
///
/// `xmlFree` is a global variable holding a function pointer, which Swift 6 does not let code
/// read without a concurrency error.
static inline void journey_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
