/*
 * A strict Modbus TCP server on libmodbus, the reference C implementation, for Millrace's integration
 * tests (exception handling) and benchmarks.
 *
 *   cc -O2 -o libmodbus_server libmodbus_server.c $(pkg-config --cflags --libs libmodbus)
 *   ./libmodbus_server PORT
 *
 * Listens on 127.0.0.1:PORT and serves 1000 addresses per table, like scripts/peers/pymodbus_server.py:
 * holding register n = n, input register n = 1000 + n, coil n = (n % 3 == 0), discrete input n = (n % 2 == 0).
 * libmodbus answers function codes 1, 2, 3, 4, 5, 6, 15, 16, 17, 22 and 23; an address past the tables gives
 * exception 02, a bad quantity 03, any other function code (43/14 included) 01. Serves many clients with
 * select(). Prints "READY <port>" once listening; stops on SIGTERM or SIGINT.
 */
#include <errno.h>
#include <modbus.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#define TABLE_SIZE 1000

static volatile sig_atomic_t stopping = 0;

static void on_signal(int signal_number) {
    (void)signal_number;
    stopping = 1;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    modbus_t *context = modbus_new_tcp("127.0.0.1", port);
    if (context == NULL) {
        fprintf(stderr, "modbus_new_tcp: %s\n", modbus_strerror(errno));
        return 1;
    }
    modbus_mapping_t *mapping = modbus_mapping_new(TABLE_SIZE, TABLE_SIZE, TABLE_SIZE, TABLE_SIZE);
    if (mapping == NULL) {
        fprintf(stderr, "modbus_mapping_new: %s\n", modbus_strerror(errno));
        return 1;
    }
    for (int n = 0; n < TABLE_SIZE; n++) {
        mapping->tab_registers[n] = (uint16_t)n;
        mapping->tab_input_registers[n] = (uint16_t)(1000 + n);
        mapping->tab_bits[n] = (n % 3 == 0);
        mapping->tab_input_bits[n] = (n % 2 == 0);
    }
    int listener = modbus_tcp_listen(context, 64);
    if (listener < 0) {
        fprintf(stderr, "modbus_tcp_listen: %s\n", modbus_strerror(errno));
        return 1;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    /* A child of a Swift test process inherits its blocked signal mask: unblock the signals that stop us. */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    sigprocmask(SIG_UNBLOCK, &stop_signals, NULL);
    signal(SIGPIPE, SIG_IGN);
    printf("READY %d\n", port);
    fflush(stdout);

    fd_set connections;
    FD_ZERO(&connections);
    FD_SET(listener, &connections);
    int highest = listener;
    uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
    while (!stopping) {
        fd_set readable = connections;
        if (select(highest + 1, &readable, NULL, NULL, NULL) < 0) {
            if (errno == EINTR) continue;
            perror("select");
            break;
        }
        for (int fd = 0; fd <= highest; fd++) {
            if (!FD_ISSET(fd, &readable)) continue;
            if (fd == listener) {
                int client = modbus_tcp_accept(context, &listener);
                if (client >= 0) {
                    FD_SET(client, &connections);
                    if (client > highest) highest = client;
                }
                continue;
            }
            modbus_set_socket(context, fd);
            int length = modbus_receive(context, query);
            if (length > 0) {
                modbus_reply(context, query, length, mapping);
            } else if (length < 0) {
                /* The client closed the connection, or sent something libmodbus cannot frame. */
                close(fd);
                FD_CLR(fd, &connections);
            }
        }
    }
    for (int fd = 0; fd <= highest; fd++) {
        if (FD_ISSET(fd, &connections)) close(fd);
    }
    modbus_mapping_free(mapping);
    modbus_free(context);
    return 0;
}
