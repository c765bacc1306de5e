/* Symbol visibility for the SDK. Plugins build with -fvisibility=hidden;
 * the SDK's interface types stay visible so RTTI and exceptions work across
 * the boundary, and SLUICE_EXPORT marks the one exported descriptor. */
#ifndef SLUICE_SDK_VISIBILITY_H
#define SLUICE_SDK_VISIBILITY_H

#if defined(__GNUC__) || defined(__clang__)
#define SLUICE_SDK_VISIBLE __attribute__((visibility("default")))
#define SLUICE_EXPORT __attribute__((visibility("default")))
#else
#define SLUICE_SDK_VISIBLE
#define SLUICE_EXPORT
#endif

#endif /* SLUICE_SDK_VISIBILITY_H */
