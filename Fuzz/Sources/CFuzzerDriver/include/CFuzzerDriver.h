#ifndef JOURNEY_C_FUZZER_DRIVER_H
#define JOURNEY_C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, run from a `main` of one's own: parses libFuzzer's options from `argv`,
/// then fuzzes `callback` (or runs it on the files named) and returns the exit status.
/// Defined by the toolchain's fuzzer runtime, linked by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
