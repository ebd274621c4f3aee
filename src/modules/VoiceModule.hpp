#pragma once

// The boundary between rollcoach and its voice module, rollcoach-voice.so, which alone links
// PocketSphinx and what it brings (BLAS, LAPACK, Fortran's runtime). Both front ends load the
// module only when something is to be listened to, so a session that does not listen, and
// every other command, never maps those libraries. The recogniser itself is declared in
// voice/Recognizer.hpp, with the command words both front ends share.

#include <string>

namespace rollcoach {

class Recognizer;
struct RecognizerLimits;

/// The module's entry point: loads the speech model. Returns null, with `why` said in a few
/// words, when it cannot.
using OpenRecognizer = Recognizer* (*)(const RecognizerLimits& limits, std::string& why);

constexpr const char* kOpenRecognizerSymbol = "rollcoach_open_recognizer";
constexpr const char* kVoiceModuleName = "rollcoach-voice.so";

} // namespace rollcoach
