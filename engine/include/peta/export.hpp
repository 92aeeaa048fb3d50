#pragma once
/// @file export.hpp
/// @brief PETA_API: marks the declarations of the public API.
///
/// libpeta is a static library today. The public API is marked with default visibility so that it stays
/// exported when libpeta.a is linked into a shared object built with hidden visibility (a plugin, a language
/// binding): only the declarations in this folder, none of the engine's.

/// A declaration of the public API (default visibility).
#define PETA_API __attribute__((visibility("default")))
