/*
 * libmodbus benchmark client: sequential reads of 125 holding registers, one request in flight, as fast
 * as the server answers. The baseline for Millrace's client in Benchmarks/modbus/run.
 *
 *   cc -O2 -o libmodbus_bench_client libmodbus_bench_client.c $(pkg-config --cflags --libs libmodbus)
 *   ./libmodbus_bench_client HOST PORT REQUESTS
 *
 * Prints one line: "libmodbus sequential: <requests> requests in <seconds> s = <rate> req/s".
 */
#include <errno.h>
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec spec;
    clock_gettime(CLOCK_MONOTONIC, &spec);
    return (double)spec.tv_sec + (double)spec.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s HOST PORT REQUESTS\n", argv[0]);
        return 2;
    }
    int requests = atoi(argv[3]);
    modbus_t *context = modbus_new_tcp(argv[1], atoi(argv[2]));
    if (context == NULL || modbus_connect(context) != 0) {
        fprintf(stderr, "cannot connect: %s\n", modbus_strerror(errno));
        return 1;
    }
    modbus_set_slave(context, 1);
    uint16_t registers[125];
    /* Warm up the connection and the server. */
    for (int i = 0; i < 100; i++) modbus_read_registers(context, 0, 125, registers);
    double start = now_seconds();
    for (int i = 0; i < requests; i++) {
        if (modbus_read_registers(context, 0, 125, registers) != 125) {
            fprintf(stderr, "read %d failed: %s\n", i, modbus_strerror(errno));
            return 1;
        }
    }
    double elapsed = now_seconds() - start;
    if (registers[124] != 124) {
        fprintf(stderr, "unexpected register value %u\n", registers[124]);
        return 1;
    }
    printf("libmodbus sequential: %d requests in %.3f s = %.0f req/s\n", requests, elapsed, requests / elapsed);
    modbus_close(context);
    modbus_free(context);
    return 0;
}
