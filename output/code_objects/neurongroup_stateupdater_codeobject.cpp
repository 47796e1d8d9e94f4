#include "code_objects/neurongroup_stateupdater_codeobject.h"
#include "objects.h"
#include "brianlib/common_math.h"
#include "brianlib/stdint_compat.h"
#include<cmath>
#include<ctime>
#include<iostream>
#include<fstream>
#include<climits>

////// SUPPORT CODE ///////
namespace {
        
    template < typename T1, typename T2 > struct _higher_type;
    template < > struct _higher_type<int32_t,int32_t> { typedef int32_t type; };
    template < > struct _higher_type<int32_t,int64_t> { typedef int64_t type; };
    template < > struct _higher_type<int32_t,float> { typedef float type; };
    template < > struct _higher_type<int32_t,double> { typedef double type; };
    template < > struct _higher_type<int32_t,long double> { typedef long double type; };
    template < > struct _higher_type<int64_t,int32_t> { typedef int64_t type; };
    template < > struct _higher_type<int64_t,int64_t> { typedef int64_t type; };
    template < > struct _higher_type<int64_t,float> { typedef float type; };
    template < > struct _higher_type<int64_t,double> { typedef double type; };
    template < > struct _higher_type<int64_t,long double> { typedef long double type; };
    template < > struct _higher_type<float,int32_t> { typedef float type; };
    template < > struct _higher_type<float,int64_t> { typedef float type; };
    template < > struct _higher_type<float,float> { typedef float type; };
    template < > struct _higher_type<float,double> { typedef double type; };
    template < > struct _higher_type<float,long double> { typedef long double type; };
    template < > struct _higher_type<double,int32_t> { typedef double type; };
    template < > struct _higher_type<double,int64_t> { typedef double type; };
    template < > struct _higher_type<double,float> { typedef double type; };
    template < > struct _higher_type<double,double> { typedef double type; };
    template < > struct _higher_type<double,long double> { typedef long double type; };
    template < > struct _higher_type<long double,int32_t> { typedef long double type; };
    template < > struct _higher_type<long double,int64_t> { typedef long double type; };
    template < > struct _higher_type<long double,float> { typedef long double type; };
    template < > struct _higher_type<long double,double> { typedef long double type; };
    template < > struct _higher_type<long double,long double> { typedef long double type; };
    // General template, used for floating point types
    template < typename T1, typename T2 >
    static inline typename _higher_type<T1,T2>::type
    _brian_mod(T1 x, T2 y)
    {
        return x-y*floor(1.0*x/y);
    }
    // Specific implementations for integer types
    // (from Cython, see LICENSE file)
    template <>
    inline int32_t _brian_mod(int32_t x, int32_t y)
    {
        int32_t r = x % y;
        r += ((r != 0) & ((r ^ y) < 0)) * y;
        return r;
    }
    template <>
    inline int64_t _brian_mod(int32_t x, int64_t y)
    {
        int64_t r = x % y;
        r += ((r != 0) & ((r ^ y) < 0)) * y;
        return r;
    }
    template <>
    inline int64_t _brian_mod(int64_t x, int32_t y)
    {
        int64_t r = x % y;
        r += ((r != 0) & ((r ^ y) < 0)) * y;
        return r;
    }
    template <>
    inline int64_t _brian_mod(int64_t x, int64_t y)
    {
        int64_t r = x % y;
        r += ((r != 0) & ((r ^ y) < 0)) * y;
        return r;
    }
    // General implementation, used for floating point types
    template < typename T1, typename T2 >
    static inline typename _higher_type<T1,T2>::type
    _brian_floordiv(T1 x, T2 y)
    {{
        return floor(1.0*x/y);
    }}
    // Specific implementations for integer types
    // (from Cython, see LICENSE file)
    template <>
    inline int32_t _brian_floordiv<int32_t, int32_t>(int32_t a, int32_t b) {
        int32_t q = a / b;
        int32_t r = a - q*b;
        q -= ((r != 0) & ((r ^ b) < 0));
        return q;
    }
    template <>
    inline int64_t _brian_floordiv<int32_t, int64_t>(int32_t a, int64_t b) {
        int64_t q = a / b;
        int64_t r = a - q*b;
        q -= ((r != 0) & ((r ^ b) < 0));
        return q;
    }
    template <>
    inline int64_t _brian_floordiv<int64_t, int>(int64_t a, int32_t b) {
        int64_t q = a / b;
        int64_t r = a - q*b;
        q -= ((r != 0) & ((r ^ b) < 0));
        return q;
    }
    template <>
    inline int64_t _brian_floordiv<int64_t, int64_t>(int64_t a, int64_t b) {
        int64_t q = a / b;
        int64_t r = a - q*b;
        q -= ((r != 0) & ((r ^ b) < 0));
        return q;
    }
    #ifdef _MSC_VER
    #define _brian_pow(x, y) (pow((double)(x), (y)))
    #else
    #define _brian_pow(x, y) (pow((x), (y)))
    #endif

}

////// HASH DEFINES ///////



void _run_neurongroup_stateupdater_codeobject()
{
    using namespace brian;


    ///// CONSTANTS ///////////
    const double Cm = 2e-10;
const double EK = - 0.09;
const double ENa = 0.05;
const double El = - 0.065;
const size_t _numI = 40000;
const int64_t N = 40000;
const double VT = - 0.063;
const size_t _numdt = 1;
const double g_kd = 6e-06;
const double g_na = 2e-05;
const double gl = 1e-08;
const size_t _numh = 40000;
const size_t _numm = 40000;
const double mV = 0.001;
const double ms = 0.001;
const size_t _numn = 40000;
const size_t _numnot_refractory = 40000;
const size_t _numv = 40000;
    ///// POINTERS ////////////
        
    double* __restrict  _ptr_array_neurongroup_I = _array_neurongroup_I;
    double*   _ptr_array_defaultclock_dt = _array_defaultclock_dt;
    double* __restrict  _ptr_array_neurongroup_h = _array_neurongroup_h;
    double* __restrict  _ptr_array_neurongroup_m = _array_neurongroup_m;
    double* __restrict  _ptr_array_neurongroup_n = _array_neurongroup_n;
    char* __restrict  _ptr_array_neurongroup_not_refractory = _array_neurongroup_not_refractory;
    double* __restrict  _ptr_array_neurongroup_v = _array_neurongroup_v;


    //// MAIN CODE ////////////
    // scalar code
    const size_t _vectorisation_idx = -1;
        
    const double dt = _ptr_array_defaultclock_dt[0];
    const double _lio_1 = (- 40.0) * mV;
    const double _lio_2 = 1.0f*(- 4.0)/ms;
    const double _lio_3 = 1.0f*1.0/mV;
    const double _lio_4 = (0.2 * VT) + (8.0 * mV);
    const double _lio_5 = 1.0f*1.0/ms;
    const double _lio_6 = (0.0555555555555556 * VT) + (0.944444444444445 * mV);
    const double _lio_7 = 1.0f*(- 0.28)/(mV * ms);
    const double _lio_8 = (- VT) - (40.0 * mV);
    const double _lio_9 = ((- 0.2) * VT) - (8.0 * mV);
    const double _lio_10 = 1.0f*1.0/(mV * ms);
    const double _lio_11 = VT + (13.0 * mV);
    const double _lio_12 = (0.25 * VT) + (3.25 * mV);
    const double _lio_13 = 1.0f*(- 0.5)/ms;
    const double _lio_14 = (0.025 * VT) + (0.25 * mV);
    const double _lio_15 = VT + (15.0 * mV);
    const double _lio_16 = (0.2 * VT) + (3.0 * mV);
    const double _lio_17 = 1.0f*dt/Cm;
    const double _lio_18 = - EK;
    const double _lio_19 = - ENa;


    const int _N = N;
    
    for(int _idx=0; _idx<_N; _idx++)
    {
        // vector code
        const size_t _vectorisation_idx = _idx;
                
        const double I = _ptr_array_neurongroup_I[_idx];
        double h = _ptr_array_neurongroup_h[_idx];
        double m = _ptr_array_neurongroup_m[_idx];
        double n = _ptr_array_neurongroup_n[_idx];
        char not_refractory = _ptr_array_neurongroup_not_refractory[_idx];
        double v = _ptr_array_neurongroup_v[_idx];
        if(!not_refractory)
            not_refractory = false || (! (v > _lio_1));
        else 
            not_refractory = true || (! (v > _lio_1));
        const double _h = (dt * ((1.0f*(_lio_2 * h)/(1.0 + exp(_lio_3 * (_lio_4 - (0.2 * v))))) + (_lio_5 * ((0.128 - (0.128 * h)) * exp(_lio_3 * (_lio_6 - (0.0555555555555556 * v))))))) + h;
        const double _m = (dt * ((1.0f*(_lio_7 * (m * (_lio_8 + v)))/((- 1.0) + exp(_lio_3 * (_lio_9 + (0.2 * v))))) + (1.0f*(_lio_10 * ((0.32 - (0.32 * m)) * (_lio_11 - v)))/((- 1.0) + exp(_lio_3 * (_lio_12 - (0.25 * v))))))) + m;
        const double _n = (dt * ((_lio_13 * (n * exp(_lio_3 * (_lio_14 - (0.025 * v))))) + (1.0f*(_lio_10 * ((0.032 - (0.032 * n)) * (_lio_15 - v)))/((- 1.0) + exp(_lio_3 * (_lio_16 - (0.2 * v))))))) + n;
        const double _v = v + (_lio_17 * ((I + (gl * (El - v))) - ((g_kd * ((_brian_pow(n, 4)) * (_lio_18 + v))) + (g_na * ((h * (_brian_pow(m, 3))) * (_lio_19 + v))))));
        h = _h;
        m = _m;
        n = _n;
        v = _v;
        _ptr_array_neurongroup_h[_idx] = h;
        _ptr_array_neurongroup_m[_idx] = m;
        _ptr_array_neurongroup_n[_idx] = n;
        _ptr_array_neurongroup_not_refractory[_idx] = not_refractory;
        _ptr_array_neurongroup_v[_idx] = v;

    }

}


