// libxml2 built with ICU (Debian's is) includes the system's ICU headers from
// libxml/encoding.h, which clash with the ICU that Swift's Foundation ships.
// gen-site uses no encoding handler's fields, so that part is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
