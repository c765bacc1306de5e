// The exceptions the embedding API throws, under one base: a program can
// catch sluice::Error for anything sluice refuses, or one branch of it.
//
//   sluice::Error
//   ├── sluice::host::ConfigError    one problem at file:line:col (config.hpp)
//   ├── sluice::host::ConfigErrors   every problem one load found (config.hpp)
//   ├── sluice::host::PluginError    a plugin that cannot be registered or used
//   └── sluice::host::RunError       a run cannot do what was asked of it
#pragma once

#include <stdexcept>
#include <string>

namespace sluice {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace host {

// A plugin refused at registration (the descriptor gate, a name taken).
class PluginError : public Error {
 public:
  using Error::Error;
};

// A running pipeline cannot do what was asked: push() after close() or
// after the run ended, pull() on a pipeline without a pull sink; a push()
// future holds one when the run ended before that document was stored.
class RunError : public Error {
 public:
  using Error::Error;
};

}  // namespace host
}  // namespace sluice
