#ifndef HYTE_CZEROMQ_SHIM_H
#define HYTE_CZEROMQ_SHIM_H
#include <zmq.h>
#include <sys/eventfd.h>
#endif
