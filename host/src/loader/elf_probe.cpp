#include "loader/elf_probe.hpp"

#include <elf.h>

#include <cstring>
#include <vector>

namespace sluice::host::detail {
namespace {

#if defined(__x86_64__)
constexpr unsigned kHostMachine = EM_X86_64;
#elif defined(__aarch64__)
constexpr unsigned kHostMachine = EM_AARCH64;
#else
constexpr unsigned kHostMachine = EM_NONE;  // not checked
#endif

// Bounds-checked view over the file's bytes: a truncated or hostile file
// must give a refusal, never an out-of-range read.
struct Bytes {
  std::string_view data;
  bool read(std::uint64_t offset, void* out, std::uint64_t size) const {
    if (offset > data.size() || size > data.size() - offset) return false;
    std::memcpy(out, data.data() + offset, size);
    return true;
  }
};

}  // namespace

std::optional<std::string> probe_elf_exports(std::string_view bytes, const char* symbol) {
  const Bytes f{bytes};

  Elf64_Ehdr eh{};
  if (f.data.size() < EI_NIDENT || std::memcmp(f.data.data(), ELFMAG, SELFMAG) != 0)
    return "not an ELF shared object";
  if (static_cast<unsigned char>(f.data[EI_CLASS]) != ELFCLASS64) return "not a 64-bit ELF object";
  if (!f.read(0, &eh, sizeof eh)) return "truncated ELF header";
  if (eh.e_type != ET_DYN) return "ELF file is not a shared object";
  if (kHostMachine != EM_NONE && eh.e_machine != kHostMachine)
    return "ELF file is for another machine architecture (e_machine " + std::to_string(eh.e_machine) + ")";

  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  if (eh.e_shentsize != sizeof(Elf64_Shdr) ||
      !f.read(eh.e_shoff, sections.data(), sizeof(Elf64_Shdr) * sections.size()))
    return "malformed ELF section table";

  for (const auto& sh : sections) {
    if (sh.sh_type != SHT_DYNSYM) continue;
    if (sh.sh_link >= sections.size() || sh.sh_entsize != sizeof(Elf64_Sym))
      return "malformed ELF dynamic symbol table";
    const auto& strtab = sections[sh.sh_link];
    const std::size_t count = sh.sh_size / sizeof(Elf64_Sym);
    for (std::size_t i = 0; i < count; ++i) {
      Elf64_Sym sym{};
      if (!f.read(sh.sh_offset + i * sizeof sym, &sym, sizeof sym))
        return "malformed ELF dynamic symbol table";
      if (sym.st_shndx == SHN_UNDEF || sym.st_name >= strtab.sh_size) continue;
      const std::uint64_t at = strtab.sh_offset + sym.st_name;
      const std::size_t want = std::strlen(symbol) + 1;  // include the terminator
      if (at + want > f.data.size()) continue;
      if (std::memcmp(f.data.data() + at, symbol, want) != 0) continue;
      // Calling exported data as a function would crash the host.
      const auto type = ELF64_ST_TYPE(sym.st_info);
      if (type != STT_FUNC && type != STT_GNU_IFUNC)
        return std::string(symbol) + " is exported but is not a function: not a sluice plugin";
      return std::nullopt;
    }
  }
  return std::string("no ") + symbol + " symbol: not a sluice plugin";
}

}  // namespace sluice::host::detail
