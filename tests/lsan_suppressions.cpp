// Compiled into every program of a sanitizer build (CMakeLists.txt, DATELINE_SANITIZE or
// DATELINE_FUZZ). LeakSanitizer reads these at exit: what fontconfig keeps in its caches and what
// Graphviz keeps for its plugins are never freed by design, and libedit's el_set(EL_ADDFN)
// copies a function's name and help with wcsdup and never frees them (the fast unwinder stops
// in glibc's wcsdup, so the stack shows that rather than libedit; nothing of ours calls it);
// none is ours to fix. A leak in our own code is still reported and fails the run.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_options();
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n"
         "leak:libgvc.so\n"
         "leak:libgvplugin_\n"
         "leak:libedit.so\n"
         "leak:wcsdup\n";
}
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
