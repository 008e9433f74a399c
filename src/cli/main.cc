#include <iostream>

#include "cli/run.h"

int main(int argc, char** argv) { return jx::RunCli(argc, argv, std::cout, std::cerr); }
