// SwiftPM needs a source file in a C target; the function is the fuzzer runtime's.
#include "CFuzzerDriver.h"
