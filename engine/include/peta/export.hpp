#pragma once
/// @file export.hpp
/// @brief PETA_API: marks the declarations libpeta.so exports.
///
/// libpeta.so is built with hidden visibility: only what carries PETA_API (the public API in this folder) is
/// in its dynamic symbol table; every internal module stays private to the library.

#if defined(PETA_STATIC_DEFINE)
#define PETA_API
#else
/// Exported from libpeta.so (default visibility); everything else in the library is hidden.
#define PETA_API __attribute__((visibility("default")))
#endif
