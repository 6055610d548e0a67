// The entry point of every fuzz target: `journey-fuzz TARGET [libFuzzer options] [corpus folders]`.
//
// SwiftPM renames an executable's `main`, so libFuzzer's `main` is never the entry point; this
// one takes the target's name off the arguments and hands the rest to `LLVMFuzzerRunDriver`,
// which then behaves as any libFuzzer binary (`-help=1` lists its options).

import CFuzzerDriver
import Foundation
import JourneyFuzzTargets

/// The target that `runSelected` runs: a C callback cannot capture it.
nonisolated(unsafe) var selected: FuzzTarget?

/// libFuzzer's callback: the selected target on one input.
///
/// Also exported under the name libFuzzer's own `main` calls, which the fuzzer runtime holds in
/// the same archive member as that `main`: the linker needs it, though that `main` never runs.
@_cdecl("LLVMFuzzerTestOneInput")
func runSelected(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selected?.run(bytes)
    return 0
}

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "--export" {
    switch SeedExport.export(path: arguments[3], as: arguments[2]) {
    case .success(let text):
        print(text, terminator: "")
        exit(0)
    case .failure(let error):
        FileHandle.standardError.write(Data("journey-fuzz: \(error)\n".utf8))
        exit(1)
    }
}
// In fork mode libFuzzer starts children with the options alone, so the target's name is also
// passed on in the environment, which they inherit.
let variable = "JOURNEY_FUZZ_TARGET"
let inherited = ProcessInfo.processInfo.environment[variable]
let named = arguments.count >= 2 && !arguments[1].hasPrefix("-") ? arguments[1] : nil
if (named == nil && inherited == nil) || arguments.contains("--list") || arguments.contains("--help") {
    let targets = FuzzTarget.all.map { "  \($0.name.padding(toLength: 16, withPad: " ", startingAt: 0))\($0.summary)" }
    print(
        """
        usage: journey-fuzz TARGET [libFuzzer options] [corpus folders or files]
               journey-fuzz --export json|xml|mermaid FILE.journey   (a seed for an importer)

        targets:
        \(targets.joined(separator: "\n"))
        """)
    exit(named == nil && inherited == nil && !arguments.contains("--list") ? 2 : 0)
}
guard let name = named ?? inherited, let target = FuzzTarget.named(name) else {
    FileHandle.standardError.write(
        Data("journey-fuzz: no target '\(named ?? inherited ?? "")'; --list lists them\n".utf8))
    exit(2)
}
selected = target
setenv(variable, target.name, 1)

// libFuzzer's view of the arguments: the program's name, then what follows the target's name.
// The strings are kept for the whole run, as libFuzzer keeps pointers to them.
let options = named == nil ? arguments.dropFirst() : arguments.dropFirst(2)
var driverArguments: [UnsafeMutablePointer<CChar>?] = ([arguments[0]] + options).map { strdup($0) }
driverArguments.append(nil)
var count = Int32(driverArguments.count - 1)
let status = driverArguments.withUnsafeMutableBufferPointer { buffer in
    var pointer = buffer.baseAddress
    return LLVMFuzzerRunDriver(&count, &pointer, runSelected)
}
exit(status)
