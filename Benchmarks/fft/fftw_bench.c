/* FFTW's real-to-complex transform (r2c, FFTW_MEASURE, double precision, one thread) on each size given on the
 * command line, timed like Millrace's FFTBenchmark: plan once, then the best of five batches of process CPU
 * time per transform. Output: one line per size, "fftw SIZE MICROSECONDS". Build: cc -O2 fftw_bench.c -lfftw3 -lm */
#include <fftw3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu_seconds(void) {
    struct timespec spec;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec);
    return (double)spec.tv_sec + (double)spec.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    double sink = 0;
    for (int a = 1; a < argc; a++) {
        int n = atoi(argv[a]);
        if (n < 1) continue;
        double *in = fftw_malloc(sizeof(double) * n);
        fftw_complex *out = fftw_malloc(sizeof(fftw_complex) * (n / 2 + 1));
        fftw_plan plan = fftw_plan_dft_r2c_1d(n, in, out, FFTW_MEASURE);  /* MEASURE overwrites `in`: fill after */
        unsigned long long state = 0x9E3779B97F4A7C15ULL;
        for (int i = 0; i < n; i++) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            in[i] = (double)(state >> 11) / (double)(1ULL << 53) - 0.5;
        }
        double probe_start = cpu_seconds();
        fftw_execute(plan);
        double probe = cpu_seconds() - probe_start;
        if (probe < 1e-7) probe = 1e-7;
        long repetitions = (long)(0.1 / probe);
        if (repetitions < 1) repetitions = 1;
        double best = 1e300;
        for (int batch = 0; batch < 5; batch++) {
            double start = cpu_seconds();
            for (long r = 0; r < repetitions; r++) { fftw_execute(plan); sink += out[1][0]; }
            double per = (cpu_seconds() - start) / (double)repetitions;
            if (per < best) best = per;
        }
        printf("fftw %d %.2f\n", n, best * 1e6);
        fftw_destroy_plan(plan);
        fftw_free(in);
        fftw_free(out);
    }
    if (sink != sink) printf("\n");
    return 0;
}
